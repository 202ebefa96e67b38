package nl.webcare.connector;

import nl.webcare.store.RedisGateway;
import io.vertx.core.Future;
import java.time.LocalDate;

/**
 * Counts the posts each paid connector read per UTC day, in Redis, so that the daily budget holds
 * across restarts and across processes. A count is added as soon as a page is read, before its posts
 * are appended: what was paid for stays counted even when the append fails.
 */
public final class ReadBudgetStore {
  private static final long KEEP_SECONDS = 2 * 24 * 3600;
  private final RedisGateway redis;

  public ReadBudgetStore(RedisGateway redis) {
    this.redis = redis;
  }

  public Future<Long> used(String connector, LocalDate day) {
    return redis.call(jedis -> {
      String value = jedis.get(redis.keys().connectorReads(connector, day));
      return value == null ? 0L : Long.parseLong(value);
    });
  }

  /** Adds {@code posts} to the day's count and returns the new total. */
  public Future<Long> add(String connector, LocalDate day, long posts) {
    String key = redis.keys().connectorReads(connector, day);
    return redis.call(jedis -> {
      long total = jedis.incrBy(key, posts);
      jedis.expire(key, KEEP_SECONDS);
      return total;
    });
  }
}
