package nl.webcare.privacy;

import io.vertx.core.Future;

/**
 * An author's personal data: their history across channels, and erasure everywhere on request. Fails its
 * future when the store cannot be reached; an erasure that failed half-way can be repeated.
 */
public interface AuthorRecords {

  /** The author's history, or null when Webcare knows nothing of them. */
  Future<AuthorHistory> history(String channel, String handle);

  /** Erases the author's personal data and says what went. */
  Future<ErasureReport> erase(String channel, String handle);
}
