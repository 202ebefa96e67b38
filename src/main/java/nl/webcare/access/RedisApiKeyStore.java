package nl.webcare.access;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.webcare.store.RedisGateway;

/**
 * API keys in Redis, stored by the SHA-256 of the key: {@code apikey:<sha>} holds id, owner, role and
 * who made it; {@code apikeys} maps each public id to its hash for listing and revoking. A key is
 * {@code wck_} and 32 random bytes (base64url): too long to guess, so a plain hash is enough.
 */
public final class RedisApiKeyStore implements ApiKeyStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BOOTSTRAP_ID = "admin";
  private final RedisGateway redis;

  public RedisApiKeyStore(RedisGateway redis) {
    this.redis = redis;
  }


  @Override
  public Future<Issued> create(String owner, Role role, java.util.Set<String> teams, String createdBy) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = "wck_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    // the public id is drawn apart from the secret: knowing it tells nothing of the key; 64 bits do not collide
    byte[] idBytes = new byte[8];
    RANDOM.nextBytes(idBytes);
    String id = HexFormat.of().formatHex(idBytes);
    ApiKey record = new ApiKey(id, owner, role, Instant.now(), createdBy, teams);
    return save(key, record).map(new Issued(key, record));
  }

  @Override
  public Future<Void> bootstrapAdmin(String key) {
    return revoke(BOOTSTRAP_ID).compose(v -> save(key, new ApiKey(BOOTSTRAP_ID, "admin", Role.ADMIN, Instant.now(),
        "WEBCARE_ADMIN_KEY", java.util.Set.of())));
  }

  @Override
  public Future<ApiKey> find(String key) {
    String hashKey = redis.keys().apiKey(sha256(key));
    return redis.call(jedis -> {
      Map<String, String> f = jedis.hgetAll(hashKey);
      return f.isEmpty() ? null : fromFields(f);
    });
  }

  @Override
  public Future<List<ApiKey>> list() {
    return redis.call(jedis -> {
      List<ApiKey> keys = new ArrayList<>();
      for (String sha : jedis.hvals(redis.keys().apiKeyIds())) {
        Map<String, String> f = jedis.hgetAll(redis.keys().apiKey(sha));
        if (!f.isEmpty()) {
          keys.add(fromFields(f));
        }
      }
      keys.sort(java.util.Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id));
      return keys;
    });
  }

  @Override
  public Future<Boolean> worksIn(String owner, String team) {
    return list().map(all -> all.stream().anyMatch(k -> k.owner().equals(owner)
        && (k.role() == Role.AGENT || k.role() == Role.LEAD || k.role() == Role.ADMIN)
        && (k.teams().isEmpty() || k.teams().contains(team))));
  }

  @Override
  public Future<ApiKey> byId(String id) {
    return redis.call(jedis -> {
      String sha = jedis.hget(redis.keys().apiKeyIds(), id);
      if (sha == null) {
        return null;
      }
      Map<String, String> f = jedis.hgetAll(redis.keys().apiKey(sha));
      return f.isEmpty() ? null : fromFields(f);
    });
  }

  @Override
  public Future<Boolean> revoke(String id) {
    return redis.call(jedis -> {
      String sha = jedis.hget(redis.keys().apiKeyIds(), id);
      if (sha == null) {
        return false;
      }
      try (var tx = redis.multi(jedis, redis.keys().apiKeyIds())) {
        tx.del(redis.keys().apiKey(sha));
        tx.hdel(redis.keys().apiKeyIds(), id);
        tx.exec();
      }
      return true;
    });
  }

  private Future<Void> save(String key, ApiKey record) {
    String sha = sha256(key);
    return redis.call(jedis -> {
      try (var tx = redis.multi(jedis, redis.keys().apiKeyIds())) {
        tx.hset(redis.keys().apiKey(sha), Map.of("id", record.id(), "owner", record.owner(), "role", record.role().wire(),
            "createdAt", Long.toString(record.createdAt().toEpochMilli()), "createdBy", record.createdBy(),
            "teams", String.join(",", new java.util.TreeSet<>(record.teams()))));
        tx.hset(redis.keys().apiKeyIds(), record.id(), sha);
        tx.exec();
      }
      return null;
    });
  }

  private static ApiKey fromFields(Map<String, String> f) {
    return new ApiKey(f.get("id"), f.get("owner"), Role.fromWire(f.get("role")),
        Instant.ofEpochMilli(Long.parseLong(f.get("createdAt"))), f.get("createdBy"), teams(f.get("teams")));
  }

  private static java.util.Set<String> teams(String joined) {
    return joined == null || joined.isEmpty() ? java.util.Set.of() : java.util.Set.of(joined.split(","));
  }

  static String sha256(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
