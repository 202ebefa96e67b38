package nl.webcare.connector;

import java.time.Instant;
import java.util.Map;

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
    long itemsIrrelevant,
    Instant nextPollAt,
    String note,
    Map<String, String> figures) {

  public ConnectorStatus {
    figures = figures == null ? Map.of() : Map.copyOf(figures);
  }

  public enum State {
    /** Registered, not polled yet. */
    SCHEDULED,
    /** Last poll succeeded. */
    OK,
    /** Last poll failed; it is retried with back-off. */
    FAILING,
    /** Waiting for a rate-limit window or the next day's read budget; {@code note} says which. */
    PAUSED,
    /** The source refused the credentials; not polled again until the secret is fixed and Webcare restarted. */
    STOPPED,
    /** Switched off in its file. */
    DISABLED;

    public String wire() {
      return name().toLowerCase();
    }
  }
}
