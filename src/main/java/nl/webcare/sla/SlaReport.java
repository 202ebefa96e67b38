package nl.webcare.sla;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The SLA report over the cases opened in a period: first-response attainment (answered within the due
 * time, out of the cases that were answered or are overdue), median and 90th-percentile first-response
 * time (wall clock, minutes), breaches; and the backlog of open cases by age, now. Overall, per team and
 * per channel.
 */
public final class SlaReport {
  /** What the report needs of one case. */
  public record Row(String team, String channel, Instant openedAt, Instant firstResponseAt, Instant firstResponseDue,
      boolean closed, boolean breached) {}

  static final List<String> AGE_BUCKETS = List.of("under1h", "1to4h", "4to24h", "1to3d", "over3d");

  private SlaReport() {}

  public static JsonObject of(List<Row> opened, List<Row> active, Instant from, Instant to, Instant now) {
    return new JsonObject()
        .put("from", from.toString()).put("to", to.toString()).put("generatedAt", now.toString())
        .put("overall", figures(opened, now).put("backlog", backlog(active, now)))
        .put("teams", grouped(opened, active, Row::team, now))
        .put("channels", grouped(opened, active, Row::channel, now));
  }

  private static JsonArray grouped(List<Row> opened, List<Row> active, Function<Row, String> key, Instant now) {
    Map<String, List<Row>> openedBy = group(opened, key);
    Map<String, List<Row>> activeBy = group(active, key);
    TreeMap<String, Boolean> names = new TreeMap<>();
    openedBy.keySet().forEach(k -> names.put(k, true));
    activeBy.keySet().forEach(k -> names.put(k, true));
    JsonArray items = new JsonArray();
    for (String name : names.keySet()) {
      items.add(figures(openedBy.getOrDefault(name, List.of()), now).put("name", name)
          .put("backlog", backlog(activeBy.getOrDefault(name, List.of()), now)));
    }
    return items;
  }

  private static Map<String, List<Row>> group(List<Row> rows, Function<Row, String> key) {
    Map<String, List<Row>> groups = new TreeMap<>();
    for (Row row : rows) {
      groups.computeIfAbsent(key.apply(row) == null ? "unknown" : key.apply(row), k -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  static JsonObject figures(List<Row> rows, Instant now) {
    int answered = 0;
    int onTime = 0;
    int overdueUnanswered = 0;
    int breaches = 0;
    List<Long> minutes = new ArrayList<>();
    for (Row r : rows) {
      if (r.breached()) {
        breaches++;
      }
      if (r.firstResponseAt() != null) {
        answered++;
        minutes.add(Duration.between(r.openedAt(), r.firstResponseAt()).toMinutes());
        if (r.firstResponseDue() == null || !r.firstResponseAt().isAfter(r.firstResponseDue())) {
          onTime++;
        }
      } else if (!r.closed() && r.firstResponseDue() != null && now.isAfter(r.firstResponseDue())) {
        overdueUnanswered++;
      }
    }
    int measured = answered + overdueUnanswered;
    minutes.sort(Long::compare);
    return new JsonObject().put("opened", rows.size()).put("answered", answered).put("answeredOnTime", onTime)
        .put("overdueUnanswered", overdueUnanswered).put("breaches", breaches)
        .put("attainment", measured == 0 ? null : Math.round(1000.0 * onTime / measured) / 1000.0)
        .put("firstResponseMinutesMedian", percentile(minutes, 0.5))
        .put("firstResponseMinutesP90", percentile(minutes, 0.9));
  }

  /** Nearest-rank percentile; null without values. */
  static Long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  static JsonObject backlog(List<Row> active, Instant now) {
    int[] counts = new int[AGE_BUCKETS.size()];
    for (Row r : active) {
      long hours = Duration.between(r.openedAt(), now).toHours();
      int bucket = hours < 1 ? 0 : hours < 4 ? 1 : hours < 24 ? 2 : hours < 72 ? 3 : 4;
      counts[bucket]++;
    }
    JsonObject json = new JsonObject().put("open", active.size());
    for (int i = 0; i < counts.length; i++) {
      json.put(AGE_BUCKETS.get(i), counts[i]);
    }
    return json;
  }
}
