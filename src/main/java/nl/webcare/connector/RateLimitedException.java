package nl.webcare.connector;

import java.time.Instant;

/** The source said "too many requests": the poller waits until {@link #retryAt()} (or backs off when unknown). */
public class RateLimitedException extends ConnectorException {
  private final Instant retryAt;

  public RateLimitedException(String message, Instant retryAt) {
    super(message);
    this.retryAt = retryAt;
  }

  /** When the source's window resets, from its headers; null when it did not say. */
  public Instant retryAt() {
    return retryAt;
  }
}
