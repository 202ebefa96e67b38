package nl.webcare.pipeline;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import nl.webcare.metrics.WebcareMetrics;
import nl.webcare.worklist.RedisSlaWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flags the cases whose first reply or resolution is late, which raises an {@code sla.breached} alert once
 * per case and target (the flag is set in one Lua step, so several processes announce a breach once).
 */
public final class SlaWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(SlaWatcher.class);
  private static final int BATCH = 200;
  private final RedisSlaWatch watch;
  private final WebcareMetrics metrics;

  public SlaWatcher(RedisSlaWatch watch, WebcareMetrics metrics) {
    this.watch = watch;
    this.metrics = metrics;
  }

  public Future<Void> check() {
    Instant now = Instant.now();
    Future<Void> chain = Future.succeededFuture();
    for (String target : RedisSlaWatch.TARGETS) {
      chain = chain.compose(v -> watch.due(target, now, BATCH)).compose(ids -> flagAll(ids, target, now));
    }
    return chain;
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
