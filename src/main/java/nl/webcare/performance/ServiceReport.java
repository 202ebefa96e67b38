package nl.webcare.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.webcare.sla.SlaPolicy;
import nl.webcare.worklist.Case;

/**
 * The service figures of the cases closed in a period: all together and per team, channel, agent (who closed the
 * case), triage class, brand and local day of closing. {@code capped} says the period held more closed cases than
 * one report reads.
 */
public record ServiceReport(ServiceQuery query, ServiceGroup all, List<ServiceGroup> byTeam,
    List<ServiceGroup> byChannel, List<ServiceGroup> byAgent, List<ServiceGroup> byTriageClass,
    List<ServiceGroup> byBrand, List<ServiceGroup> byDay, boolean capped) {

  /** The report of these cases (closed in the query's period), filtered by the query; days in {@code zone}. */
  static ServiceReport of(ServiceQuery q, List<Case> closed, SlaPolicy hours, java.time.ZoneId zone, boolean capped) {
    List<Case> cases = closed.stream()
        .filter(c -> q.team() == null || q.team().equals(c.team()))
        .filter(c -> q.channel() == null || q.channel().equalsIgnoreCase(c.channel()))
        .filter(c -> q.brand() == null || q.brand().equalsIgnoreCase(c.brand()))
        .filter(c -> q.agent() == null || c.closure() != null && q.agent().equals(c.closure().by()))
        .toList();
    return new ServiceReport(q, ServiceGroup.of("all", cases, hours), groups(cases, Case::team, hours),
        groups(cases, Case::channel, hours), groups(cases, c -> c.closure() == null ? null : c.closure().by(), hours),
        groups(cases, c -> c.triageClass() == null ? null : c.triageClass().wire(), hours),
        groups(cases, Case::brand, hours),
        groups(cases, c -> c.closure() == null ? null : c.closure().at().atZone(zone).toLocalDate().toString(), hours),
        capped);
  }

  private static List<ServiceGroup> groups(List<Case> cases, Function<Case, String> key, SlaPolicy hours) {
    Map<String, List<Case>> by = new TreeMap<>();
    for (Case c : cases) {
      String k = key.apply(c);
      by.computeIfAbsent(k == null ? "unknown" : k, x -> new ArrayList<>()).add(c);
    }
    List<ServiceGroup> out = new ArrayList<>();
    by.forEach((name, group) -> out.add(ServiceGroup.of(name, group, hours)));
    return out;
  }
}
