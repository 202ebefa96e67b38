package nl.webcare.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.List;
import nl.webcare.config.WebcareConfig;
import nl.webcare.inbox.ScoringQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer in the group {@code scorers}: reads batches of new mentions and hands them to the
 * {@link MentionScorer}, and on a timer takes over messages that a crashed consumer (or a failed try)
 * left pending. Several of these, in one process or many, share the stream.
 */
public final class ScorerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ScorerVerticle.class);
  /** Wait after Redis could not be reached before reading again. */
  private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

  private final ScoringQueue queue;
  private final MentionScorer scorer;
  private final WebcareConfig.Scoring settings;
  private final String consumer;
  private boolean stopped;
  private long readTimer = -1;
  private long claimTimer = -1;
  /** A claim round still running: the timer must not start a second one over the same messages. */
  private boolean claiming;

  public ScorerVerticle(ScoringQueue queue, MentionScorer scorer, WebcareConfig.Scoring settings, String consumer) {
    this.queue = queue;
    this.scorer = scorer;
    this.settings = settings;
    this.consumer = consumer;
  }

  @Override
  public Future<?> start() {
    return queue.ensureGroup().onSuccess(v -> {
      readNext();
      long claimEvery = Math.max(50, settings.claimIdle().toMillis() / 2);
      claimTimer = vertx.setPeriodic(claimEvery, id -> claimStale());
      LOG.info("scorer {} reading the mention stream", consumer);
    });
  }

  /** A clean stop leaves the group when nothing is pending here; what is pending stays for another to claim. */
  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(readTimer);
    vertx.cancelTimer(claimTimer);
    return queue.leave(consumer).otherwiseEmpty();
  }

  private void readNext() {
    if (stopped) {
      return;
    }
    // the read waits in Redis for the next mention (up to idlePoll), so an empty answer means: read again at once
    queue.readNew(consumer, settings.batchSize(), settings.idlePoll())
        .compose(messages -> handleAll(messages).map(storeDown -> storeDown ? -1 : messages.size()))
        .onComplete(ar -> {
          // while the store refuses writes, reading on would only move the backlog into the pending list
          Duration pause = ar.failed() || ar.result() < 0 ? ERROR_PAUSE : Duration.ZERO;
          if (ar.failed()) {
            LOG.warn("scorer {}: cannot read the mention stream: {}", consumer, ar.cause().getMessage());
          }
          if (stopped) {
            return;
          }
          if (pause.isZero()) {
            readNext();
          } else {
            readTimer = vertx.setTimer(pause.toMillis(), id -> readNext());
          }
        });
  }

  /** A round of taking over what crashed consumers left: page after page until none is left. */
  private void claimStale() {
    if (stopped || claiming) {
      return;
    }
    claiming = true;
    claimFrom("0-0").compose(v -> queue.removeIdleConsumers(consumer, settings.claimIdle().multipliedBy(10)))
        .onComplete(ar -> {
          claiming = false;
          if (ar.failed()) {
            LOG.warn("scorer {}: cannot claim pending messages: {}", consumer, ar.cause().getMessage());
          }
        });
  }

  private Future<Void> claimFrom(String from) {
    return queue.claimStale(consumer, settings.claimIdle(), settings.batchSize(), from)
        .compose(page -> handleAll(page.messages()).compose(storeDown -> storeDown || page.next() == null || stopped
            ? Future.<Void>succeededFuture() : claimFrom(page.next())));
  }

  /** True when the store could not serve one of them. */
  private Future<Boolean> handleAll(List<ScoringQueue.Message> messages) {
    List<Future<MentionScorer.Outcome>> handled = messages.stream().map(scorer::handle).toList();
    return Future.join(handled).map(all -> handled.stream()
        .anyMatch(f -> f.result() == MentionScorer.Outcome.STORE_UNAVAILABLE));
  }
}
