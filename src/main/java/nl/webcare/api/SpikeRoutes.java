package nl.webcare.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import nl.webcare.access.Permission;
import nl.webcare.analytics.MarketingCounts;
import nl.webcare.analytics.spikes.Spike;
import nl.webcare.analytics.spikes.SpikeLog;

/** {@code GET /analytics/spikes}: the bursts of negative mentions found, newest first, as JSON or CSV. */
final class SpikeRoutes {
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 500;

  private final SpikeLog spikes;
  private final AnalyticsParams params;

  SpikeRoutes(SpikeLog spikes, ZoneId zone) {
    this.spikes = spikes;
    this.params = new AnalyticsParams(zone);
  }

  void mount(Router api) {
    api.get("/analytics/spikes").handler(Authentication.requires(Permission.READ_ANALYTICS)).handler(this::list);
  }

  private void list(RoutingContext ctx) {
    String brand = AnalyticsParams.name(ctx, "brand", false);
    Instant[] range = params.range(ctx, MarketingCounts.Interval.DAY);
    int limit = limit(ctx);
    spikes.list(brand, range[0], range[1], limit).onSuccess(found -> {
      if (AnalyticsParams.wantsCsv(ctx)) {
        StringBuilder csv = new StringBuilder("id,brand,channel,started,ended,count,peak,baseline,threshold,"
            + "aspects,incident\n");
        for (Spike s : found) {
          csv.append(s.id()).append(',').append(s.brand()).append(',').append(s.channel() == null ? "" : s.channel())
              .append(',').append(params.iso(s.startedAt())).append(',')
              .append(s.endedAt() == null ? "" : params.iso(s.endedAt())).append(',').append(s.count()).append(',')
              .append(s.peak()).append(',').append(AnalyticsParams.round(s.baseline())).append(',')
              .append(s.threshold()).append(',').append(String.join(" ", s.aspects())).append(',')
              .append(s.incidentCaseId() == null ? "" : s.incidentCaseId()).append('\n');
        }
        AnalyticsParams.csv(ctx, "spikes.csv", csv.toString());
        return;
      }
      JsonArray items = new JsonArray();
      found.forEach(s -> items.add(json(s)));
      AnalyticsParams.json(ctx, new JsonObject().put("brand", brand).put("from", params.iso(range[0]))
          .put("to", params.iso(range[1])).put("items", items));
    }).onFailure(ctx::fail);
  }

  JsonObject json(Spike s) {
    return new JsonObject().put("id", s.id()).put("brand", s.brand()).put("channel", s.channel())
        .put("active", s.active()).put("startedAt", params.iso(s.startedAt()))
        .put("endedAt", s.endedAt() == null ? null : params.iso(s.endedAt()))
        .put("window", new JsonObject().put("start", params.iso(s.windowStart())).put("end", params.iso(s.windowEnd())))
        .put("count", s.count()).put("peak", s.peak()).put("baseline", AnalyticsParams.round(s.baseline()))
        .put("threshold", s.threshold()).put("baselineSource", s.baselineSource())
        .put("aspects", new JsonArray(List.copyOf(s.aspects()))).put("examples", new JsonArray(List.copyOf(s.examples())))
        .put("incidentCaseId", s.incidentCaseId());
  }

  private static int limit(RoutingContext ctx) {
    String text = ctx.queryParams().get("limit");
    if (text == null || text.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiException.badRequest("bad_parameter", "limit must be a whole number from 1 to " + MAX_LIMIT);
  }
}
