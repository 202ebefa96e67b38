package nl.webcare.delivery;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import nl.webcare.alerts.Alert;
import nl.webcare.alerts.AlertFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one subscription's alerts, one request at a time, in stream order: between batches what an admin asked
 * to send again, then the next matching alerts after the cursor, read a hundred at a time. Each delivery costs one
 * Redis call (its log line and the cursor's move, together). The cursor moves only after a 2xx (at least once); a
 * failure is retried by the {@link RetryPolicy}, a 410 or spent retries disable the subscription (which raises a
 * {@code subscription.disabled} alert for the admins). Runs on the dispatcher's event loop and never blocks it.
 */
final class WebhookWorker {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookWorker.class);
  private static final long STORE_RETRY_MS = 2_000;
  private static final int BATCH = 100;

  private final Vertx vertx;
  private final DeliveryState state;
  private final AlertFeed alerts;
  private final WebhookSender sender;
  private final SubscriptionStore subscriptions;
  private final RetryPolicy retries;
  private final Duration idlePoll;
  private volatile Subscription subscription;
  private boolean running = true;
  private boolean busy;
  private long timer = -1;

  WebhookWorker(Vertx vertx, Subscription subscription, DeliveryState state, AlertFeed alerts, WebhookSender sender,
      SubscriptionStore subscriptions, RetryPolicy retries, Duration idlePoll) {
    this.vertx = vertx;
    this.subscription = subscription;
    this.state = state;
    this.alerts = alerts;
    this.sender = sender;
    this.subscriptions = subscriptions;
    this.retries = retries;
    this.idlePoll = idlePoll;
  }

  /** The subscription as last read (a changed filter, url or secret applies from the next request). */
  void update(Subscription changed) {
    if (!changed.filter().equals(subscription.filter())) {
      pending.clear(); // read again through the new filter
    }
    this.subscription = changed;
  }

  Subscription subscription() {
    return subscription;
  }

  /** True once stopped, by the dispatcher or by disabling its subscription. */
  boolean stopped() {
    return !running;
  }

  void stop() {
    running = false;
    vertx.cancelTimer(timer);
  }

  /** Runs a step now unless one runs or the worker waits for a retry time that has not come. */
  void kick() {
    if (!running || busy || waitingForRetry) {
      return;
    }
    vertx.cancelTimer(timer);
    busy = true;
    Future<Long> step;
    try {
      step = step();
    } catch (RuntimeException e) {
      step = Future.failedFuture(e);
    }
    step.onComplete(ar -> {
      busy = false;
      if (!running) {
        return;
      }
      long delay;
      if (ar.succeeded()) {
        delay = ar.result();
      } else {
        LOG.warn("webhook subscription {}: {}; will retry", subscription.id(), ar.cause().getMessage());
        delay = STORE_RETRY_MS;
      }
      waitingForRetry = ar.succeeded() && delay > idlePoll.toMillis();
      if (delay <= 0) {
        vertx.runOnContext(v -> kick());
      } else {
        timer = vertx.setTimer(delay, id -> {
          waitingForRetry = false;
          kick();
        });
      }
    });
  }

  private boolean waitingForRetry;
  /** Where the subscription stands: read from Redis when the worker starts, then kept here as it writes it. */
  private String cursor;
  private DeliveryState.Retry retry;
  /** Alerts read from the stream that the filter wants, not yet delivered, in stream order. */
  private final java.util.ArrayDeque<Alert> pending = new java.util.ArrayDeque<>();

  /** One delivery or one look at the stream; answers how long to wait before the next step. */
  private Future<Long> step() {
    Subscription s = subscription;
    if (cursor == null) {
      // adopted: where it stands is read once; from here on this worker is its only writer (it holds the lease)
      return Future.all(state.cursor(s.id()), state.retry(s.id())).map(both -> {
        cursor = both.resultAt(0);
        retry = both.resultAt(1);
        return 0L;
      });
    }
    if (pending.isEmpty()) {
      // between batches: first what an admin asked to send again
      return state.nextRedelivery(s.id()).compose(again -> again != null ? redeliver(s, again) : fetch(s));
    }
    Instant now = Instant.now();
    if (retry != null && retry.nextAt().isAfter(now)) {
      return Future.succeededFuture(Math.max(1, Duration.between(now, retry.nextAt()).toMillis()));
    }
    Alert alert = pending.peek();
    int attempt = retry != null && retry.alertId().equals(alert.cursor()) ? retry.attempts() + 1 : 1;
    Instant firstFailed = attempt > 1 ? retry.firstFailedAt() : null;
    return sender.send(s, alert).compose(answer -> settle(s, alert, attempt, firstFailed, answer));
  }

  /** The next alerts after the cursor that the filter wants, a batch at a time. */
  private Future<Long> fetch(Subscription s) {
    return alerts.after(cursor, BATCH, s.filter()).compose(page -> {
      pending.addAll(page.alerts());
      if (page.alerts().isEmpty()) {
        // passed by alerts the filter does not want: remember that, so that nobody reads them again
        if (page.next() != null && !page.next().equals(cursor)) {
          String passed = page.next();
          return state.advance(s.id(), passed).map(v -> {
            cursor = passed;
            return page.more() ? 0L : idlePoll.toMillis();
          });
        }
        return Future.succeededFuture(page.more() ? 0L : idlePoll.toMillis());
      }
      return Future.succeededFuture(0L);
    });
  }

  private Future<Long> redeliver(Subscription s, String alertId) {
    return alerts.get(alertId).compose(alert -> {
      if (alert == null) {
        return state.log(s.id(), new DeliveryAttempt(alertId, null, Instant.now(), 1, 0, 0, "skipped",
            "the alert is no longer kept", true)).compose(v -> state.dropRedelivery(s.id(), alertId)).map(0L);
      }
      return sender.send(s, alert).compose(answer -> state.log(s.id(), attempt(alert, 1, answer,
              answer.delivered() ? "delivered" : "failed", true))
          .compose(v -> state.dropRedelivery(s.id(), alertId))).map(0L);
    });
  }

  private Future<Long> settle(Subscription s, Alert alert, int attempt, Instant firstFailed,
      WebhookSender.Answer answer) {
    if (answer.delivered()) {
      return state.delivered(s.id(), attempt(alert, attempt, answer, "delivered", false)).map(v -> {
        pending.poll();
        cursor = alert.cursor();
        retry = null;
        return 0L;
      });
    }
    Instant now = Instant.now();
    Instant first = firstFailed != null ? firstFailed : now;
    if (answer.gone()) {
      return disable(s, alert, attempt, answer, "the receiver answered 410 Gone");
    }
    Instant nextAt = retries.next(attempt, first, now, answer.retryAt());
    if (nextAt == null) {
      return disable(s, alert, attempt, answer, "gave up after " + attempt + " attempts over "
          + Duration.between(first, now).toMinutes() + " min: " + answer.error());
    }
    DeliveryState.Retry next = new DeliveryState.Retry(alert.cursor(), attempt, first, nextAt, answer.error());
    return state.failed(s.id(), next, attempt(alert, attempt, answer, "retrying", false)).map(v -> {
      retry = next;
      return Math.max(1, Duration.between(Instant.now(), nextAt).toMillis());
    });
  }

  private Future<Long> disable(Subscription s, Alert alert, int attempt, WebhookSender.Answer answer, String reason) {
    LOG.warn("webhook subscription {} disabled: {}", s.id(), reason);
    running = false;
    return state.log(s.id(), attempt(alert, attempt, answer, "disabled", false))
        .compose(v -> subscriptions.disable(s.id(), reason)).map(0L);
  }

  private static DeliveryAttempt attempt(Alert alert, int attempt, WebhookSender.Answer answer, String outcome,
      boolean redelivery) {
    return new DeliveryAttempt(alert.cursor(), alert.type(), Instant.now(), attempt, answer.status(),
        answer.latencyMs(), outcome, answer.delivered() ? null : answer.error(), redelivery);
  }
}
