package nl.webcare.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets and tokens, and the hash a token is stored as. */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A Standard Webhooks signing secret: {@code whsec_} and 32 random bytes in base64 (the spec asks 24-64). */
  static String webhookSecret() {
    return "whsec_" + Base64.getEncoder().encodeToString(bytes(32));
  }

  /** A read-only feed token, 32 random bytes in hex after {@code wcf_}. */
  static String feedToken() {
    return "wcf_" + HexFormat.of().formatHex(bytes(32));
  }

  /** A subscription id: 16 random hex digits after {@code sub_}. */
  static String subscriptionId() {
    return "sub_" + HexFormat.of().formatHex(bytes(8));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
