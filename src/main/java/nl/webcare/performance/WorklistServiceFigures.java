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

  /** @param zone where the report's days are */
  public WorklistServiceFigures(Worklist worklist, SlaPolicy hours, java.time.ZoneId zone) {
    this.worklist = worklist;
    this.hours = hours;
    this.zone = zone;
  }

  @Override
  public Future<ServiceReport> report(ServiceQuery query) {
    return worklist.closedBetween(query.from(), query.to(), MAX_CASES + 1).map(cases -> ServiceReport.of(query,
        cases.size() > MAX_CASES ? cases.subList(0, MAX_CASES) : cases, hours, zone, cases.size() > MAX_CASES));
  }
}
