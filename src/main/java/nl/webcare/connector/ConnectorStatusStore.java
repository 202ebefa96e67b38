package nl.webcare.connector;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Each connector's state as the operations page shows it: registered, last poll, counts, errors, pauses.
 * Every future fails when the store cannot be reached; a poller then retries at its next poll.
 */
public interface ConnectorStatusStore {

  /** Writes the definition's fields; a connector polled before keeps its counters and history. */
  Future<Void> register(ConnectorDefinition d);

  /** What one good poll did, for {@link #recordSuccess}. */
  record PollCounts(int seen, int appended, int irrelevant) {}

  /**
   * A poll that worked; with a {@code pause} the state is {@code paused} and the pause's reason is
   * the note, else {@code ok}. {@code figures} replace the connector's previous figures.
   */
  Future<Void> recordSuccess(String name, Instant at, PollCounts counts, Instant nextPoll,
      PollResult.Pause pause, Map<String, String> figures);

  /**
   * When a paused connector may be polled again, whichever process paused it; null when it is not
   * paused or the pause is over. Lets every Webcare process honour a rate-limit reset or a spent budget.
   */
  Future<Instant> pausedUntil(String name);

  /** The source refused the credentials: stopped until an operator acts; no next poll. */
  Future<Void> recordStopped(String name, Instant at, String error);

  /** Counts items that a push source delivered, as a poll would. */
  Future<Void> recordPushed(String name, Instant at, PollCounts counts);

  Future<Void> recordFailure(String name, Instant at, String error, Instant nextPoll);

  Future<List<ConnectorStatus>> all(List<String> names);
}
