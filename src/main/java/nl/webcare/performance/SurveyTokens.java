package nl.webcare.performance;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Survey links: 16 random bytes and an expiry, signed with HMAC-SHA256 under a secret only Webcare holds, so that
 * a forged or altered link is refused before anything is looked up, and the link says nothing about the customer
 * or the case. {@code id.signature}, both base64url.
 */
final class SurveyTokens {
  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SIGNATURE_BYTES = 16;

  /** A token read back: its id (what Redis keeps the survey under) and when it stops working. */
  record Parsed(String id, Instant expires) {}

  private final byte[] secret;

  SurveyTokens(byte[] secret) {
    this.secret = secret.clone();
  }

  String issue(Instant expires) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    byte[] payload = ByteBuffer.allocate(24).put(random).putLong(expires.getEpochSecond()).array();
    return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(sign(payload));
  }

  /** The token's id and expiry, or null when it is no token of ours (malformed, or its signature is wrong). */
  Parsed verify(String token) {
    if (token == null || token.length() > 100) {
      return null;
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    try {
      byte[] payload = DECODE.decode(token.substring(0, dot));
      byte[] signature = DECODE.decode(token.substring(dot + 1));
      if (payload.length != 24 || !MessageDigest.isEqual(sign(payload), signature)
          || !ENCODE.encodeToString(signature).equals(token.substring(dot + 1))) {
        return null; // a wrong signature, or the right one spelt otherwise (a link has exactly one spelling)
      }
      return new Parsed(token.substring(0, dot), Instant.ofEpochSecond(ByteBuffer.wrap(payload, 16, 8).getLong()));
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] full = mac.doFinal(payload);
      byte[] cut = new byte[SIGNATURE_BYTES];
      System.arraycopy(full, 0, cut, 0, SIGNATURE_BYTES);
      return cut;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
