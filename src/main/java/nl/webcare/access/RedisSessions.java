package nl.webcare.access;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;

/**
 * Sessions in Redis under the SHA-256 of their token (a copy of the store signs nobody in), expiring by themselves.
 * A revoked key ends its sessions because every request with a session looks its key up again.
 */
public final class RedisSessions implements Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final RedisGateway redis;
  private final RedisKeys keys;
  private final Duration lifetime;

  public RedisSessions(RedisGateway redis, Duration lifetime) {
    this.redis = redis;
    this.keys = redis.keys();
    this.lifetime = lifetime;
  }

  @Override
  public Future<Started> start(ApiKey key, Instant now) {
    String token = random();
    String csrf = random();
    Instant expires = now.plus(lifetime);
    return redis.call(jedis -> {
      String stored = keys.session(RedisKeys.sha256Hex(token));
      jedis.hset(stored, Map.of("keyId", key.id(), "csrf", csrf, "expires", Long.toString(expires.toEpochMilli())));
      jedis.pexpire(stored, lifetime.toMillis());
      return new Started(token, csrf, expires);
    });
  }

  @Override
  public Future<Session> find(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Future.succeededFuture(null);
    }
    return redis.call(jedis -> {
      Map<String, String> f = jedis.hgetAll(keys.session(RedisKeys.sha256Hex(token)));
      return f.isEmpty() ? null : new Session(f.get("keyId"), f.get("csrf"),
          Instant.ofEpochMilli(Long.parseLong(f.get("expires"))));
    });
  }

  @Override
  public Future<Void> end(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Future.succeededFuture();
    }
    return redis.call(jedis -> {
      jedis.del(keys.session(RedisKeys.sha256Hex(token)));
      return null;
    });
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
