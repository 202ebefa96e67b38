package nl.webcare.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.webcare.metrics.WebcareMetrics;
import nl.webcare.sla.RedisSlaWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the SLA clocks: every few seconds it flags the cases whose first reply or resolution is late,
 * which raises an {@code sla.breached} alert once per case and target. Several processes may run it:
 * the flag is set in one Lua step, so a breach is announced once.
 */
public final class SlaWatchVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SlaWatchVerticle.class);
  private static final int BATCH = 200;
  private final RedisSlaWatch watch;
  private final WebcareMetrics metrics;
  private final Duration every;
  private long timer = -1;
  private boolean running;

  public SlaWatchVerticle(RedisSlaWatch watch, WebcareMetrics metrics, Duration every) {
    this.watch = watch;
    this.metrics = metrics;
    this.every = every;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(every.toMillis(), id -> check());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void check() {
    if (running) {
      return;
    }
    running = true;
    Instant now = Instant.now();
    Future<Void> chain = Future.succeededFuture();
    for (String target : RedisSlaWatch.TARGETS) {
      chain = chain.compose(v -> watch.due(target, now, BATCH)).compose(ids -> flagAll(ids, target, now));
    }
    chain.onFailure(e -> LOG.warn("SLA watch failed, will retry: {}", e.getMessage()))
        .onComplete(ar -> running = false);
  }

  private Future<Void> flagAll(List<String> caseIds, String target, Instant now) {
    Future<Void> chain = Future.succeededFuture();
    for (String id : caseIds) {
      chain = chain.compose(v -> watch.flag(id, target, now).map(flagged -> {
        if (flagged) {
          metrics.slaBreached(target);
          LOG.info("case {}: {} SLA breached", id, target);
        }
        return null;
      }));
    }
    return chain;
  }
}
