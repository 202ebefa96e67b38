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

  /** A stream message and how often it has been handed out (1 on the first read). */
  record Message(String id, Map<String, String> fields, long deliveries) {}

  /** Creates the stream and the consumer group if they are missing. */
  Future<Void> ensureGroup();

  /** Messages never delivered to any consumer, now delivered to this one. */
  Future<List<Message>> readNew(String consumer, int count);

  /** Takes over messages pending for longer than {@code minIdle} (from any consumer, this one included). */
  Future<List<Message>> claimStale(String consumer, Duration minIdle, int count);

  /** Done with a message: acknowledge it and forget its last error. */
  Future<Void> ack(String messageId);

  /** Remembers why a message failed; it stays pending and is claimed again after the idle time. */
  Future<Void> recordError(String messageId, String error);

  /** Moves a message that keeps failing to the dead-letter stream and acknowledges it, in one step. */
  Future<Void> deadLetter(Message message, String reason);

  /** The newest dead letters, newest first. */
  Future<List<Message>> deadLetters(int count);

  /** A page of dead letters, newest first. */
  record DeadLetters(List<Message> messages, PageCursor next) {}

  /** Dead letters, newest first, after the cursor (null: from the newest); {@code next} is null at the end. */
  Future<DeadLetters> deadLetters(int count, PageCursor after);
}
