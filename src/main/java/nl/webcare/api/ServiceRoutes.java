package nl.webcare.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.webcare.access.Permission;
import nl.webcare.analytics.MarketingCounts;
import nl.webcare.performance.ServiceFigures;
import nl.webcare.performance.ServiceGroup;
import nl.webcare.performance.ServiceQuery;
import nl.webcare.performance.ServiceReport;
import nl.webcare.performance.Spread;

/**
 * {@code GET /service}: how fast and how well the team helped, from the cases closed in a period, all together and
 * per team, channel, agent and triage class; JSON or CSV. Leads and admins see agents by name; analysts only when
 * configured ({@code service.analystsSeeAgents}), else neither the per-agent figures nor the {@code agent} filter.
 */
final class ServiceRoutes {
  private final ServiceFigures figures;
  private final AnalyticsParams params;
  private final boolean analystsSeeAgents;

  ServiceRoutes(ServiceFigures figures, ZoneId zone, boolean analystsSeeAgents) {
    this.figures = figures;
    this.params = new AnalyticsParams(zone);
    this.analystsSeeAgents = analystsSeeAgents;
  }

  void mount(Router api) {
    api.get("/service").handler(Authentication.requires(Permission.READ_SLA)).handler(this::report);
  }

  private boolean seesAgents(RoutingContext ctx) {
    return analystsSeeAgents || Authentication.caller(ctx).role().may(Permission.LEAD_CASES);
  }

  private void report(RoutingContext ctx) {
    boolean agents = seesAgents(ctx);
    String agent = ctx.queryParams().get("agent");
    if (agent != null && !agent.isBlank() && !agents) {
      throw new ApiException(403, "forbidden", "agent names are not shown to this key's role");
    }
    Instant[] range = params.range(ctx, MarketingCounts.Interval.DAY);
    ServiceQuery query = new ServiceQuery(range[0], range[1], AnalyticsParams.name(ctx, "team", false),
        AnalyticsParams.name(ctx, "channel", false), agent == null || agent.isBlank() ? null : agent.trim(),
        AnalyticsParams.name(ctx, "brand", false));
    figures.report(query).onSuccess(report -> {
      if (AnalyticsParams.wantsCsv(ctx)) {
        AnalyticsParams.csv(ctx, "service.csv", csv(report, agents));
        return;
      }
      AnalyticsParams.json(ctx, json(report, agents));
    }).onFailure(ctx::fail);
  }

  private JsonObject json(ServiceReport r, boolean agents) {
    JsonObject out = new JsonObject().put("from", params.iso(r.query().from())).put("to", params.iso(r.query().to()))
        .put("team", r.query().team()).put("channel", r.query().channel()).put("agent", r.query().agent())
        .put("brand", r.query().brand()).put("capped", r.capped()).put("all", group(r.all()))
        .put("byTeam", groups(r.byTeam())).put("byChannel", groups(r.byChannel()))
        .put("byTriageClass", groups(r.byTriageClass())).put("byBrand", groups(r.byBrand()))
        .put("byDay", groups(r.byDay()));
    if (agents) {
      out.put("byAgent", groups(r.byAgent()));
    }
    return out;
  }

  private static JsonArray groups(List<ServiceGroup> groups) {
    JsonArray out = new JsonArray();
    groups.forEach(g -> out.add(group(g)));
    return out;
  }

  private static JsonObject group(ServiceGroup g) {
    return new JsonObject().put("name", g.name()).put("closed", g.closed()).put("resolved", g.resolved())
        .put("dismissed", g.dismissed())
        .put("firstResponse", spread(g.firstResponse()).put("openHours", spread(g.firstResponseOpenHours())))
        .put("resolution", spread(g.resolution()).put("openHours", spread(g.resolutionOpenHours())))
        .put("handleTime", spread(g.handleTime()))
        .put("firstContactResolution", new JsonObject().put("rate", rate(g.firstContactResolutionRate()))
            .put("cases", g.firstContactResolved()).put("of", g.resolved()))
        .put("reopenRate", rate(g.reopenRate())).put("escalationRate", rate(g.escalationRate()))
        .put("handoffRate", rate(g.handoffRate())).put("repliesPerResolvedCase", rate(g.repliesPerResolvedCase()))
        .put("satisfaction", new JsonObject().put("surveysSent", g.surveysSent()).put("answers", g.surveyAnswers())
            .put("responseRate", rate(g.surveyResponseRate())).put("mean", rate(g.satisfactionMean()))
            .put("distribution", new JsonObject().put("1", g.satisfaction().get(0)).put("2", g.satisfaction().get(1))
                .put("3", g.satisfaction().get(2)).put("4", g.satisfaction().get(3)).put("5", g.satisfaction().get(4))))
        .put("recovery", new JsonObject().put("known", g.recovery().known()).put("unknown", g.recovery().unknown())
            .put("pending", g.recovery().pending()).put("meanChange", rate(g.recovery().meanChange()))
            .put("improvedShare", rate(g.recovery().improvedShare()))
            .put("cameBackShare", rate(g.recovery().cameBackShare())));
  }

  private static JsonObject spread(Spread s) {
    return new JsonObject().put("cases", s.cases()).put("medianSeconds", seconds(s.median()))
        .put("p90Seconds", seconds(s.p90()));
  }

  private static Long seconds(Duration d) {
    return d == null ? null : d.toSeconds();
  }

  private static Double rate(Double value) {
    return value == null ? null : AnalyticsParams.round(value);
  }

  private static String csv(ServiceReport r, boolean agents) {
    StringBuilder csv = new StringBuilder("group,name,closed,resolved,dismissed,first_response_median_s,"
        + "first_response_p90_s,first_response_open_hours_median_s,first_response_open_hours_p90_s,"
        + "resolution_median_s,resolution_p90_s,resolution_open_hours_median_s,resolution_open_hours_p90_s,"
        + "handle_median_s,handle_p90_s,first_contact_resolution_rate,reopen_rate,escalation_rate,handoff_rate,"
        + "replies_per_resolved_case,surveys_sent,survey_answers,survey_response_rate,satisfaction_mean,"
        + "answered_1,answered_2,answered_3,answered_4,answered_5,recovery_known,recovery_unknown,recovery_pending,"
        + "recovery_mean_change,recovery_improved_share,came_back_share\n");
    row(csv, "all", r.all());
    r.byTeam().forEach(g -> row(csv, "team", g));
    r.byChannel().forEach(g -> row(csv, "channel", g));
    r.byTriageClass().forEach(g -> row(csv, "triage_class", g));
    r.byBrand().forEach(g -> row(csv, "brand", g));
    r.byDay().forEach(g -> row(csv, "day", g));
    if (agents) {
      r.byAgent().forEach(g -> row(csv, "agent", g));
    }
    return csv.toString();
  }

  private static void row(StringBuilder csv, String kind, ServiceGroup g) {
    List<Object> cells = new ArrayList<>(List.of(kind, g.name(), g.closed(), g.resolved(), g.dismissed()));
    for (Spread s : List.of(g.firstResponse(), g.firstResponseOpenHours(), g.resolution(), g.resolutionOpenHours(),
        g.handleTime())) {
      cells.add(blank(seconds(s.median())));
      cells.add(blank(seconds(s.p90())));
    }
    for (Double rate : new Double[] {g.firstContactResolutionRate(), g.reopenRate(), g.escalationRate(),
        g.handoffRate(), g.repliesPerResolvedCase()}) {
      cells.add(blank(rate(rate)));
    }
    cells.add(g.surveysSent());
    cells.add(g.surveyAnswers());
    cells.add(blank(rate(g.surveyResponseRate())));
    cells.add(blank(rate(g.satisfactionMean())));
    cells.addAll(g.satisfaction());
    cells.add(g.recovery().known());
    cells.add(g.recovery().unknown());
    cells.add(g.recovery().pending());
    cells.add(blank(rate(g.recovery().meanChange())));
    cells.add(blank(rate(g.recovery().improvedShare())));
    cells.add(blank(rate(g.recovery().cameBackShare())));
    csv.append(String.join(",", cells.stream().map(c -> csvCell(String.valueOf(c))).toList())).append('\n');
  }

  private static Object blank(Object value) {
    return value == null ? "" : value;
  }

  /**
   * Agent names are people's: quoted when they hold a comma, a quote or a line break, and one that starts like a
   * formula (= + - @) is written as text, so that a spreadsheet never runs it.
   */
  private static String csvCell(String text) {
    String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+") ? "'" + text
        : text;
    return safe.matches("(?s).*[,\"\\n\\r].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
