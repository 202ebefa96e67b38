package nl.webcare.delivery;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Where each webhook subscription stands: the last alert it has delivered (its cursor), the alert it is retrying,
 * the alerts an admin asked to send again, and its delivery log. Kept in Redis, so that a restart or a
 * {@code kill -9} goes on where it stopped; the cursor moves only after the receiver said 2xx, so a crash
 * between the answer and the move sends that alert once more, with the same {@code webhook-id}.
 */
public interface DeliveryState {
  /** Log lines kept per subscription, newest first. */
  int LOG_LENGTH = 200;

  /** The alert being retried: how often it failed, since when, and when it is tried next. */
  record Retry(String alertId, int attempts, Instant firstFailedAt, Instant nextAt, String lastError) {}

  Future<String> cursor(String subscriptionId);

  /** Moves the cursor to {@code alertId} (alerts the filter passed by) and forgets the retry; only forward. */
  Future<Void> advance(String subscriptionId, String alertId);

  /** A delivered alert: logged, and the cursor moved to it, in one step. */
  Future<Void> delivered(String subscriptionId, DeliveryAttempt attempt);

  /** A failed try: its retry state and its log line, in one step. */
  Future<Void> failed(String subscriptionId, Retry retry, DeliveryAttempt attempt);

  Future<Retry> retry(String subscriptionId);

  Future<Void> log(String subscriptionId, DeliveryAttempt attempt);

  /** The newest log lines first. */
  Future<List<DeliveryAttempt>> deliveries(String subscriptionId, int limit);

  /** Queues an alert to be sent again (at most 100 waiting). */
  Future<Void> queueRedelivery(String subscriptionId, String alertId);

  /** The oldest alert waiting to be sent again, or null. */
  Future<String> nextRedelivery(String subscriptionId);

  /** Removes that alert from the redelivery queue. */
  Future<Void> dropRedelivery(String subscriptionId, String alertId);
}
