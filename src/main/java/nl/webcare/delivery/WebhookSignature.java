package nl.webcare.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signatures: HMAC-SHA256 over {@code id.timestamp.body} with the secret's bytes (the
 * base64 after {@code whsec_}), written as {@code v1,<base64>}; several signatures, space-separated, while a
 * rotated secret overlaps the new one. Verifying is the same computation, used for pushes that relays sign so.
 */
public final class WebhookSignature {
  /** True when the signed timestamp (seconds) is within {@link #TOLERANCE_SECONDS} of {@code nowSeconds}. */
  public static boolean fresh(String timestamp, long nowSeconds) {
    try {
      return Math.abs(nowSeconds - Long.parseLong(timestamp.trim())) <= TOLERANCE_SECONDS;
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
  }

  /** How far a signed timestamp may be from now, either way, before a push is refused as a replay. */
  public static final long TOLERANCE_SECONDS = 300;
  private static final String PREFIX = "whsec_";

  private WebhookSignature() {}

  /** The {@code webhook-signature} header for these secrets. */
  public static String header(List<String> secrets, String id, long timestamp, String body) {
    List<String> parts = new ArrayList<>();
    for (String secret : secrets) {
      parts.add("v1," + sign(secret, id, timestamp, body));
    }
    return String.join(" ", parts);
  }

  /** The base64 HMAC of {@code id.timestamp.body}. */
  public static String sign(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  /**
   * The key bytes of a secret: the base64 after {@code whsec_} as the standard writes it; any other secret (a push
   * source's shared secret from its config) as its UTF-8 bytes.
   */
  public static byte[] key(String secret) {
    if (secret.startsWith(PREFIX)) {
      try {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
      } catch (IllegalArgumentException notBase64) {
        // fall through: a configured secret that merely starts like one
      }
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * True when one of the header's {@code v1} signatures is that of the exact body bytes with this key, compared in
   * constant time. The timestamp is not judged here: see {@link #fresh}.
   */
  public static boolean verify(byte[] key, String id, String timestamp, byte[] body, String signatureHeader) {
    if (id == null || timestamp == null || signatureHeader == null) {
      return false;
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    byte[] expected;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
      expected = Base64.getEncoder().encode(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
    for (String part : signatureHeader.trim().split(" +")) {
      int comma = part.indexOf(',');
      if (comma > 0 && part.substring(0, comma).equals("v1")
          && MessageDigest.isEqual(expected, part.substring(comma + 1).getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }
}
