package nl.webcare.access;

import io.vertx.core.Future;
import java.time.Instant;
import nl.webcare.store.RedisGateway;

/** {@link AuthFailures} in Redis: a counter per client and minute (a fixed window, like the push rate limit). */
public final class RedisAuthFailures implements AuthFailures {
  private static final long WINDOW_SECONDS = 60;
  private final RedisGateway redis;
  private final int maxPerMinute;

  public RedisAuthFailures(RedisGateway redis, int maxPerMinute) {
    this.redis = redis;
    this.maxPerMinute = maxPerMinute;
  }

  @Override
  public Future<Standing> standing(String client) {
    long now = Instant.now().getEpochSecond();
    String key = redis.keys().authFailures(client, now / WINDOW_SECONDS);
    return redis.call(jedis -> {
      String count = jedis.get(key);
      // blocked once the limit is spent: the next try waits for the window's end
      return standing(count == null ? 0 : Long.parseLong(count) + 1, now);
    });
  }

  @Override
  public Future<Standing> failed(String client) {
    long now = Instant.now().getEpochSecond();
    String key = redis.keys().authFailures(client, now / WINDOW_SECONDS);
    return redis.call(jedis -> {
      long count = jedis.incr(key);
      if (count == 1) {
        jedis.expire(key, WINDOW_SECONDS * 2);
      }
      return standing(count, now);
    });
  }

  /** Blocked when {@code failures} (counting the one at hand) pass the limit. */
  private Standing standing(long failures, long now) {
    long retryAfter = Math.max(1, (now / WINDOW_SECONDS + 1) * WINDOW_SECONDS - now);
    return new Standing(failures > maxPerMinute, retryAfter);
  }
}
