package nl.webcare.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one background task on a timer (housekeeping, waking snoozed cases, the SLA watch, the backlog
 * gauges): never two rounds at once, and a failed round (Redis away) is only logged and tried again at
 * the next tick. Every task is safe to run in several processes at once.
 */
public final class PeriodicVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicVerticle.class);
  private final String name;
  private final Duration every;
  private final Supplier<Future<?>> task;
  private long timer = -1;
  private boolean running;

  public PeriodicVerticle(String name, Duration every, Supplier<Future<?>> task) {
    this.name = name;
    this.every = every;
    this.task = task;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(1, every.toMillis(), id -> runOnce());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void runOnce() {
    if (running) {
      return;
    }
    running = true;
    Future<?> round;
    try {
      round = task.get();
    } catch (RuntimeException e) {
      round = Future.failedFuture(e);
    }
    round.onFailure(e -> LOG.warn("{} failed, will retry: {}", name, e.getMessage()))
        .onComplete(ar -> running = false);
  }
}
