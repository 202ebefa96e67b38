package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import nl.webcare.access.Permission;
import nl.webcare.sla.SlaReports;

/**
 * {@code GET /sla?from=&to=&team=&channel=}: first-response attainment, median and 90th-percentile
 * first-response time and breaches for the cases opened in the period (default: the last 7 days), and the
 * backlog of open cases by age, overall, per team and per channel.
 */
final class SlaRoutes {
  private static final Duration DEFAULT_PERIOD = Duration.ofDays(7);
  private static final Duration MAX_PERIOD = Duration.ofDays(366);
  private final SlaReports report;
  private final List<String> teams;

  SlaRoutes(SlaReports report, List<String> teams) {
    this.report = report;
    this.teams = List.copyOf(teams);
  }

  void mount(Router api) {
    api.get("/sla").handler(Authentication.requires(Permission.READ_SLA)).handler(Responses.json(this::sla));
  }

  private Future<JsonObject> sla(RoutingContext ctx) {
    Instant to = time(ctx, "to", Instant.now());
    Instant from = time(ctx, "from", to.minus(DEFAULT_PERIOD));
    if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
      throw ApiException.badRequest("bad_parameter", "from must lie before to, at most 366 days apart");
    }
    String team = RequestReader.oneOf(ctx, "team", teams);
    String channel = ctx.queryParams().get("channel");
    return report.report(from, to, team, channel);
  }

  private static Instant time(RoutingContext ctx, String name, Instant fallback) {
    String text = ctx.queryParams().get(name);
    if (text == null) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("bad_parameter", name + " must be a date-time with an offset, e.g. 2026-11-01T00:00:00Z");
    }
  }
}
