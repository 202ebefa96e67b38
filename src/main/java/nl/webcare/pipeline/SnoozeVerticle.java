package nl.webcare.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.CaseAction;
import nl.webcare.worklist.Worklist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes snoozed cases whose time has come: back to new, or to assigned when an agent holds them. Every
 * process may run it: a case woken twice is refused the second time by the state table and nothing changes.
 */
public final class SnoozeVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SnoozeVerticle.class);
  private static final int BATCH = 100;
  private final Worklist worklist;
  private final Duration every;
  private long timer = -1;
  private boolean running;

  public SnoozeVerticle(Worklist worklist, Duration every) {
    this.worklist = worklist;
    this.every = every;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(every.toMillis(), id -> wake());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void wake() {
    if (running) {
      return;
    }
    running = true;
    worklist.snoozedUntil(Instant.now(), BATCH)
        .compose(this::wakeAll)
        .onFailure(e -> LOG.warn("waking snoozed cases failed, will retry: {}", e.getMessage()))
        .onComplete(ar -> running = false);
  }

  private Future<Void> wakeAll(List<String> caseIds) {
    Future<Void> chain = Future.succeededFuture();
    for (String id : caseIds) {
      chain = chain.compose(v -> worklist.act(id, CaseAction.WAKE, Actor.SYSTEM, null, Map.of(), List.of("snoozedUntil"),
          new io.vertx.core.json.JsonObject()).mapEmpty());
    }
    return chain;
  }
}
