package nl.webcare.connector;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import nl.webcare.store.ConnectorCursorStore;
import nl.webcare.store.ConnectorStatusStore;
import nl.webcare.store.MentionInbox;
import nl.webcare.store.PollLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one connector for ever: take the lease, load the cursor, poll, append to the inbox, and only
 * then store the new cursor. A failure anywhere keeps the old cursor, is written to the connector's
 * status and retried with growing back-off; it never touches the other connectors.
 */
public final class PollerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PollerVerticle.class);

  private final Connector connector;
  private final MentionInbox inbox;
  private final ConnectorCursorStore cursors;
  private final ConnectorStatusStore statuses;
  private final PollLease lease;
  private final Duration retryMax;
  private int consecutiveFailures;
  private long timerId = -1;
  private boolean stopped;

  public PollerVerticle(Connector connector, MentionInbox inbox, ConnectorCursorStore cursors,
      ConnectorStatusStore statuses, PollLease lease, Duration retryMax) {
    this.connector = connector;
    this.inbox = inbox;
    this.cursors = cursors;
    this.statuses = statuses;
    this.lease = lease;
    this.retryMax = retryMax;
  }

  @Override
  public Future<?> start() {
    schedule(Duration.ZERO);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
    return Future.succeededFuture();
  }

  private void schedule(Duration delay) {
    if (!stopped) {
      timerId = vertx.setTimer(Math.max(1, delay.toMillis()), id -> pollOnce().onComplete(ar -> schedule(ar.result())));
    }
  }

  /** One round; always succeeds with the delay until the next round. */
  private Future<Duration> pollOnce() {
    String name = name();
    return lease.acquire(name)
        .compose(held -> held ? pollAndAppend() : Future.succeededFuture(interval()))
        .recover(this::recordFailure);
  }

  private Future<Duration> pollAndAppend() {
    String name = name();
    return cursors.load(name)
        .compose(connector::poll)
        .compose(result -> inbox.append(result.mentions())
            .compose(appended -> cursors.save(name, result.nextCursor()).map(appended))
            .compose(appended -> recordSuccess(result, appended)));
  }

  private Future<Duration> recordSuccess(PollResult result, MentionInbox.AppendResult appended) {
    consecutiveFailures = 0;
    Duration next = interval();
    if (appended.appended() > 0) {
      LOG.info("connector {}: {} new of {} entries", name(), appended.appended(), result.mentions().size());
    }
    return statuses.recordSuccess(name(), Instant.now(), result.mentions().size(), appended.appended(),
            Instant.now().plus(next))
        .map(next)
        .otherwise(next);
  }

  private Future<Duration> recordFailure(Throwable error) {
    consecutiveFailures++;
    Duration next = backoff();
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    LOG.warn("connector {}: poll failed ({} in a row), retry in {} s: {}", name(), consecutiveFailures,
        next.toSeconds(), message);
    return statuses.recordFailure(name(), Instant.now(), message, Instant.now().plus(next))
        .map(next)
        .otherwise(next);
  }

  /** Doubles from the poll interval (at most 30 s to start) up to the configured maximum, with 20% jitter. */
  private Duration backoff() {
    long base = Math.min(interval().toMillis(), 30_000);
    long grown = base << Math.min(consecutiveFailures - 1, 20);
    long capped = Math.min(grown, retryMax.toMillis());
    double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
  }

  private Duration interval() {
    return connector.definition().pollInterval();
  }

  private String name() {
    return connector.definition().name();
  }
}
