package nl.webcare.connector;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import nl.webcare.mention.Mention;
import nl.webcare.inbox.MentionInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one connector for ever: take the lease, load the cursor, poll, keep the relevant items, append
 * them to the inbox, and only then store the new cursor. A failure anywhere keeps the old cursor, is
 * written to the connector's status and retried with growing back-off; it never touches the other
 * connectors. A source that asks for a pause (rate-limit window, daily budget) is not asked again
 * before it said; a source that refuses the credentials is stopped, not retried in a loop.
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
  private long renewTimer = -1;
  /** Whether this process held the lease at its last look. */
  private volatile boolean holding;
  /** A wait for Redis: short, so that polling resumes within seconds of its return. */
  private static final Duration STORE_RETRY = Duration.ofSeconds(2);
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
    // renewed between polls too: a poll interval longer than the lease must not hand the source to another
    // process, and a killed process must not hold it longer than the lease
    renewTimer = vertx.setPeriodic(Math.max(1, lease.renewEvery().toMillis()), id -> {
      if (holding) {
        lease.acquire(name()).onSuccess(held -> holding = held);
      }
    });
    return Future.succeededFuture();
  }

  /** A clean stop gives the lease back, so that another process polls the source at once. */
  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
    vertx.cancelTimer(renewTimer);
    return holding ? lease.release(name()).otherwiseEmpty() : Future.succeededFuture();
  }

  private void schedule(Duration delay) {
    if (!stopped && delay != null) {
      timerId = vertx.setTimer(Math.max(1, delay.toMillis()), id -> pollOnce().onComplete(ar -> schedule(ar.result())));
    }
  }

  /** One round; always succeeds with the delay until the next round, or null when the connector is stopped. */
  private Future<Duration> pollOnce() {
    String name = name();
    return lease.acquire(name)
        .compose(held -> {
          holding = held;
          return held ? pollUnlessPaused() : Future.succeededFuture(interval());
        })
        .recover(this::recordFailure);
  }

  /** A pause set by any process (rate-limit reset, spent budget) holds for this one too. */
  private Future<Duration> pollUnlessPaused() {
    return statuses.pausedUntil(name()).compose(until -> until != null
        ? Future.succeededFuture(Duration.between(Instant.now(), until).plusSeconds(1))
        : pollAndAppend());
  }

  private Future<Duration> pollAndAppend() {
    String name = name();
    return cursors.load(name)
        .compose(connector::poll)
        .compose(result -> {
          List<Mention> relevant = result.mentions().stream().filter(connector.definition().relevance()::isRelevant)
              .toList();
          return inbox.append(relevant)
              .compose(appended -> cursors.save(name, result.nextCursor()).map(appended))
              .compose(appended -> recordSuccess(result, new ConnectorStatusStore.PollCounts(
                  result.mentions().size() + result.skipped(),
                  appended.appended(), result.mentions().size() - relevant.size())));
        });
  }

  private Future<Duration> recordSuccess(PollResult result, ConnectorStatusStore.PollCounts counts) {
    consecutiveFailures = 0;
    Duration next = result.pause() == null ? interval() : untilWithJitter(result.pause().until());
    if (counts.appended() > 0) {
      LOG.info("connector {}: {} new of {} entries", name(), counts.appended(), counts.seen());
    }
    if (result.pause() != null) {
      LOG.info("connector {}: paused for {} s: {}", name(), next.toSeconds(), result.pause().reason());
    }
    return statuses.recordSuccess(name(), Instant.now(), counts, Instant.now().plus(next), result.pause(),
            result.figures())
        .map(next)
        .otherwise(next);
  }

  private Future<Duration> recordFailure(Throwable error) {
    if (nl.webcare.store.StoreUnavailableException.isCauseOf(error)) {
      // Redis's outage, not the source's: no failure of the source is counted, and the poll is retried as soon
      // as Redis serves again (the gateway logs the outage once)
      return Future.succeededFuture(STORE_RETRY);
    }
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    if (error instanceof CredentialsRejectedException) {
      LOG.error("connector {}: stopped, the source refused the credentials: {}", name(), message);
      return statuses.recordStopped(name(), Instant.now(), message).map((Duration) null).otherwise((Duration) null);
    }
    consecutiveFailures++;
    Duration next = backoff();
    if (error instanceof RateLimitedException limited && limited.retryAt() != null) {
      Duration untilReset = untilWithJitter(limited.retryAt());
      next = untilReset.compareTo(next) > 0 ? untilReset : next;
    }
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

  /**
   * The time until {@code at} plus up to 10% (at least one second) of jitter, so that processes or
   * connectors that share a limit do not all ask again in the same instant.
   */
  private static Duration untilWithJitter(Instant at) {
    long wait = Math.max(0, Duration.between(Instant.now(), at).toMillis());
    long jitter = 1000 + (long) (ThreadLocalRandom.current().nextDouble() * Math.max(1000, wait / 10));
    return Duration.ofMillis(wait + jitter);
  }

  private Duration interval() {
    return connector.definition().pollInterval();
  }

  private String name() {
    return connector.definition().name();
  }
}
