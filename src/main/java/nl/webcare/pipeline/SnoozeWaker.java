package nl.webcare.pipeline;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.CaseCommand;
import nl.webcare.worklist.Worklist;

/**
 * Wakes snoozed cases whose time has come: back to new, or to assigned when an agent holds them. A case
 * woken twice (two processes) is refused the second time by the move table and nothing changes.
 */
public final class SnoozeWaker {
  private static final int BATCH = 100;
  private final Worklist worklist;

  public SnoozeWaker(Worklist worklist) {
    this.worklist = worklist;
  }

  public Future<Void> wakeDue() {
    return worklist.snoozedUntil(Instant.now(), BATCH).compose(this::wakeAll);
  }

  private Future<Void> wakeAll(List<String> caseIds) {
    Future<Void> chain = Future.succeededFuture();
    for (String id : caseIds) {
      chain = chain.compose(v -> worklist.apply(id, Actor.SYSTEM, new CaseCommand.Wake()).mapEmpty());
    }
    return chain;
  }
}
