package nl.webcare.performance;

import io.vertx.core.Future;
import nl.webcare.sla.SlaPolicy;
import nl.webcare.worklist.Worklist;

/**
 * The service report from the closed cases themselves: each case keeps its own figures (written by its moves), so
 * the report is a recount of the cases closed in the period, never a counter that could drift from them.
 */
public final class WorklistServiceFigures implements ServiceFigures {
  /** A report reads at most this many closed cases; more is said in the report. */
  public static final int MAX_CASES = 100_000;

  private final Worklist worklist;
  private final SlaPolicy hours;
  private final java.time.ZoneId zone;
  private final io.vertx.core.Vertx vertx;

  /**
   * @param zone  where the report's days are
   * @param vertx whose workers add the figures up (a year of a large team's cases is no work for the event loop)
   */
  public WorklistServiceFigures(Worklist worklist, SlaPolicy hours, java.time.ZoneId zone, io.vertx.core.Vertx vertx) {
    this.vertx = vertx;
    this.worklist = worklist;
    this.hours = hours;
    this.zone = zone;
  }

  @Override
  public Future<ServiceReport> report(ServiceQuery query) {
    return worklist.closedBetween(query.from(), query.to(), MAX_CASES + 1).compose(cases -> vertx.executeBlocking(() ->
        ServiceReport.of(query, cases.size() > MAX_CASES ? cases.subList(0, MAX_CASES) : cases, hours, zone,
            cases.size() > MAX_CASES), false));
  }
}
