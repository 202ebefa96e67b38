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

  /**
   * How often each aspect came up on the local days from {@code from} to {@code to} (one label, or all when null),
   * and in the same number of days before, with a few mention ids of the newest days; most mentioned first.
   */
  Future<List<Topic>> topics(String brand, String label, Instant from, Instant to);

  /**
   * The phrases (noun phrases, Dutch content words) most said on the local days from {@code from} to {@code to}
   * (one label, or all when null), with their counts in the same number of days before; at most {@code limit},
   * most said first. Each day keeps a bounded ranking, so a count may be slightly over the truth, never under.
   */
  Future<List<Phrase>> phrases(String brand, String label, Instant from, Instant to, int limit);

  /** One phrase's count in a period and in the period before it. */
  record Phrase(String phrase, long count, long previous) {
    /** Not said at all in the period before: what is new. */
    public boolean isNew() {
      return previous == 0;
    }

    public Double change() {
      return previous == 0 ? null : (double) (count - previous) / previous;
    }
  }

  /** One aspect's count in a period and in the period before it, and some mentions to read. */
  record Topic(String aspect, long count, long previous, List<String> examples) {
    /** The change against the period before, as a fraction; null when it was not mentioned then. */
    public Double change() {
      return previous == 0 ? null : (double) (count - previous) / previous;
    }
  }
}
