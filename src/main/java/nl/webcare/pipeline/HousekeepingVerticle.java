package nl.webcare.pipeline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import nl.webcare.store.Housekeeping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link Housekeeping} on a timer; a failed sweep (Redis away) is simply tried again next time. */
public final class HousekeepingVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HousekeepingVerticle.class);

  private final Housekeeping housekeeping;
  private final Duration every;
  private long timer = -1;
  private boolean running;

  public HousekeepingVerticle(Housekeeping housekeeping, Duration every) {
    this.housekeeping = housekeeping;
    this.every = every;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(every.toMillis(), id -> sweep());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void sweep() {
    if (running) {
      return;
    }
    running = true;
    housekeeping.sweep()
        .onSuccess(s -> {
          if (s.streamEntries() + s.indexEntries() > 0) {
            LOG.debug("housekeeping removed {} inbox messages and {} index entries", s.streamEntries(), s.indexEntries());
          }
        })
        .onFailure(e -> LOG.warn("housekeeping failed, will retry: {}", e.getMessage()))
        .onComplete(ar -> running = false);
  }
}
