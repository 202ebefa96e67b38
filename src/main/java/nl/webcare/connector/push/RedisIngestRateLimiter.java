package nl.webcare.connector.push;

import nl.webcare.store.RedisGateway;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * Requests per source per minute, counted in Redis so that the limit holds for all Webcare processes
 * together. A fixed one-minute window: simple, and a burst at a window's edge can at most double.
 */
public final class RedisIngestRateLimiter implements IngestRateLimiter {
  private static final long WINDOW_SECONDS = 60;
  private final RedisGateway redis;

  public RedisIngestRateLimiter(RedisGateway redis) {
    this.redis = redis;
  }


  @Override
  public Future<Decision> acquire(String source, int perMinute) {
    long now = Instant.now().getEpochSecond();
    long window = now / WINDOW_SECONDS;
    String key = redis.keys().ingestWindow(source, window);
    return redis.call(jedis -> {
      long count = jedis.incr(key);
      if (count == 1) {
        jedis.expire(key, WINDOW_SECONDS * 2);
      }
      long retryAfter = Math.max(1, (window + 1) * WINDOW_SECONDS - now);
      return new Decision(count <= perMinute, retryAfter);
    });
  }
}
