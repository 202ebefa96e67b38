package nl.webcare.connector;

import java.time.Instant;

/**
 * What {@code GET /api/v1/connectors} shows of one connector: shared through Redis, so every
 * Webcare process shows the same, whichever one polls.
 */
public record ConnectorStatus(
    String name,
    String type,
    String brand,
    String url,
    boolean enabled,
    State state,
    Instant lastPollAt,
    Instant lastSuccessAt,
    String lastError,
    Instant lastErrorAt,
    int consecutiveFailures,
    long itemsSeen,
    long itemsNew,
    Instant nextPollAt) {

  public enum State {
    /** Registered, not polled yet. */
    SCHEDULED,
    /** Last poll succeeded. */
    OK,
    /** Last poll failed; it is retried with back-off. */
    FAILING,
    /** Switched off in its file. */
    DISABLED;

    public String wire() {
      return name().toLowerCase();
    }
  }
}
