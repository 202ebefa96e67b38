package nl.webcare.connector.push;

import io.vertx.core.Future;

/**
 * How many requests a push source may make per minute. Fails its future when the store cannot be reached.
 */
public interface IngestRateLimiter {

  /** The outcome: allowed, or the seconds until the window ends. */
  record Decision(boolean allowed, long retryAfterSeconds) {}

  /** Counts one request of {@code source} and says whether it is within {@code perMinute}. */
  Future<Decision> acquire(String source, int perMinute);
}
