package nl.webcare.inbox;

import io.vertx.core.Future;
import java.time.Duration;
import nl.webcare.store.PageCursor;
import java.util.List;
import java.util.Map;

/**
 * The scorers' side of the inbox: a consumer group that hands each message to one scorer, takes over what a
 * crashed scorer left, and moves what keeps failing to the dead letters. Every future fails when the store cannot
 * be reached; a message not acknowledged is handed out again.
 */
public interface ScoringQueue {

  /**
   * A stream message, how often it has been handed out (1 on the first read), and how often scoring it failed for a
   * reason of its own ({@link #recordError}); a store that could not be reached is no attempt.
   */
  record Message(String id, Map<String, String> fields, long deliveries, long attempts) {
    public Message(String id, Map<String, String> fields, long deliveries) {
      this(id, fields, deliveries, 0);
    }
  }

  /** Creates the stream and the consumer group if they are missing. */
  Future<Void> ensureGroup();

  /** Messages never delivered to any consumer, now delivered to this one. */
  Future<List<Message>> readNew(String consumer, int count);

  /**
   * As {@link #readNew(String, int)}, but when there are none it waits up to {@code block} for the first to come and
   * answers then (empty after {@code block}). A store that cannot wait answers at once.
   */
  default Future<List<Message>> readNew(String consumer, int count, Duration block) {
    return readNew(consumer, count);
  }

  /** Takes over messages pending for longer than {@code minIdle} (from any consumer, this one included). */
  Future<List<Message>> claimStale(String consumer, Duration minIdle, int count);

  /** A page of taken-over messages, and where the next page starts ({@code null}: none is left). */
  record Claimed(List<Message> messages, String next) {}

  /**
   * As {@link #claimStale(String, Duration, int)}, from {@code from} (a stream id, "0-0" for the start): one page
   * of a round that goes on from {@link Claimed#next} until none is left.
   */
  Future<Claimed> claimStale(String consumer, Duration minIdle, int count, String from);

  /**
   * Removes the group's consumers, but {@code self}, that have nothing pending and were idle longer than
   * {@code idle} (processes that are gone); how many went.
   */
  Future<Integer> removeIdleConsumers(String self, Duration idle);

  /** Leaves the group when nothing is pending for {@code consumer} (a clean stop); else its messages stay to be claimed. */
  Future<Void> leave(String consumer);

  /** Done with a message: acknowledge it and forget its last error. */
  Future<Void> ack(String messageId);

  /**
   * Remembers why a message failed and counts the attempt; it stays pending and is claimed again after the idle
   * time.
   */
  Future<Void> recordError(String messageId, String error);

  /** Moves a message that keeps failing to the dead-letter stream and acknowledges it, in one step. */
  Future<Void> deadLetter(Message message, String reason);

  /** The newest dead letters, newest first. */
  Future<List<Message>> deadLetters(int count);

  /**
   * Puts a dead letter back into the inbox as it first came (without its dead-letter fields), for the scorers to
   * try again; false when there is no such dead letter.
   */
  Future<Boolean> requeue(String deadLetterId);

  /** Puts every dead letter back into the inbox; how many went. */
  Future<Integer> requeueAll();

  /** A page of dead letters, newest first. */
  record DeadLetters(List<Message> messages, PageCursor next) {}

  /** Dead letters, newest first, after the cursor (null: from the newest); {@code next} is null at the end. */
  Future<DeadLetters> deadLetters(int count, PageCursor after);
}
