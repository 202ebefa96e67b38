package nl.webcare.mention;

import nl.webcare.store.PageCursor;
import io.vertx.core.Future;
import java.util.List;

/**
 * Scored mentions, kept for the retention period. Every method fails its future when the store
 * cannot be reached; {@link #save} is idempotent, so a retried save after a failure is safe.
 */
public interface MentionStore {

  /** Stores or overwrites one scored mention and indexes it by time, label, source and brand. */
  default Future<Void> save(ScoredMention scored) {
    return save(scored, null);
  }

  /**
   * As {@link #save(ScoredMention)}, and adds {@code count} (null: nothing) to the marketing counts in the same
   * transaction, once per mention however often it is stored.
   */
  Future<Void> save(ScoredMention scored, MentionCount count);

  /** The mention with this id, or a succeeded future with null when there is none (or it expired). */
  /**
   * The mentions an author ({@code channel:handle}) wrote that Webcare took in from {@code from} to {@code to}
   * (both included), by the same handle on every channel it wrote on, oldest first, as long as they are kept.
   */
  Future<List<ScoredMention>> byAuthorBetween(String authorKey, java.time.Instant from, java.time.Instant to);

  Future<ScoredMention> find(String mentionId);

  /** The mentions with these ids that exist, by id. */
  Future<java.util.Map<String, ScoredMention>> findAll(List<String> mentionIds);

  /** Newest first; each filter is optional (null). */
  Future<Page> recent(Query query);

  record Query(SentimentLabel label, String source, String brand, int limit, PageCursor after) {}

  record Page(List<ScoredMention> mentions, PageCursor next) {}
}
