package nl.webcare.connector.push;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Webcare-Signature: sha256=<hex>} header: HMAC-SHA256 of the exact body bytes with the
 * source's shared secret, compared in constant time so that the time taken says nothing about how
 * much of a forged signature was right.
 */
public final class RequestSignature {
  public static final String HEADER = "X-Webcare-Signature";
  private static final String SCHEME = "sha256=";

  private RequestSignature() {}

  /** The header value a sender computes for {@code body}. */
  public static String sign(byte[] secret, byte[] body) {
    return SCHEME + HexFormat.of().formatHex(hmac(secret, body));
  }

  /** True when {@code header} is a well-formed signature of {@code body} with {@code secret}. */
  public static boolean verify(byte[] secret, byte[] body, String header) {
    if (header == null) {
      return false;
    }
    String value = header.trim();
    if (!value.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(value.substring(SCHEME.length()));
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, body), given);
  }

  private static byte[] hmac(byte[] secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }
}
