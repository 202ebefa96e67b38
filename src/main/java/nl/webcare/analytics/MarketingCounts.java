package nl.webcare.analytics;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * The marketing counts written with each stored mention, read back per hour or per day. Every future fails when
 * the store cannot be reached.
 */
public interface MarketingCounts {
  enum Interval { HOUR, DAY }

  /**
   * @param channel  null: every channel
   * @param language null: every language
   * @param from     the first bucket is the one holding this instant
   * @param to       buckets start before this instant
   */
  record Query(String brand, String channel, String language, Instant from, Instant to, Interval interval) {}

  /** Every bucket from {@code from} to {@code to}, empty ones as zeros, oldest first. */
  Future<List<SentimentBucket>> series(Query query);
}
