package nl.webcare.access;

import io.vertx.core.Future;
import java.util.List;

/**
 * API keys: made, found, listed and revoked. Only a key's SHA-256 is stored. Every future fails when the
 * store cannot be reached.
 */
public interface ApiKeyStore {

  /** A new key and its record; the key is returned only here, once. */
  record Issued(String key, ApiKey record) {}

  /** A new key of {@code owner}; {@code teams} (empty: every team) are the teams an agent or lead works in. */
  Future<Issued> create(String owner, Role role, java.util.Set<String> teams, String createdBy);

  /** Stores the key from {@code WEBCARE_ADMIN_KEY} as the admin key (replacing an earlier one). */
  Future<Void> bootstrapAdmin(String key);

  /** The key's record, or null when the key is unknown or revoked. */
  Future<ApiKey> find(String key);

  Future<List<ApiKey>> list();

  /** The record of the key with that public id, or null when there is none (revoked or never made). */
  Future<ApiKey> byId(String id);

  /**
   * True when {@code owner} holds an agent or lead key (or an admin key) that works in {@code team}: whom a case of
   * that team can be handed to.
   */
  Future<Boolean> worksIn(String owner, String team);

  /** Revokes the key with that id; false when there is none. */
  Future<Boolean> revoke(String id);

  /** What a log may name of a key: the first 12 hex digits of its SHA-256 (never the key, never the whole hash). */
  static String fingerprint(String key) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
