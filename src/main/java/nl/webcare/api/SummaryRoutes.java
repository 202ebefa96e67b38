package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.webcare.access.Permission;
import nl.webcare.analytics.MarketingCounts;
import nl.webcare.analytics.SentimentBucket;
import nl.webcare.analytics.spikes.Spike;
import nl.webcare.analytics.spikes.SpikeLog;

/**
 * {@code GET /analytics/summary}: a brand's last seven days (today included) against the seven before: volume,
 * sentiment, share of voice against its competitors (the configured competitor brands, or {@code competitors=}),
 * the negative aspects that grew most, and the spikes. One answer for the Monday-morning question.
 */
final class SummaryRoutes {
  private static final int DAYS = 7;
  private static final int TOPICS = 5;

  private final MarketingCounts counts;
  private final SpikeLog spikes;
  private final AnalyticsParams params;
  private final List<String> competitors;

  SummaryRoutes(MarketingCounts counts, SpikeLog spikes, ZoneId zone, List<String> competitors) {
    this.counts = counts;
    this.spikes = spikes;
    this.params = new AnalyticsParams(zone);
    this.competitors = List.copyOf(competitors);
  }

  void mount(Router api) {
    api.get("/analytics/summary").handler(Authentication.requires(Permission.READ_ANALYTICS)).handler(this::summary);
  }

  /** One brand's two weeks: this period's and the last one's totals. */
  private record Weeks(String brand, SentimentBucket now, SentimentBucket before) {}

  private void summary(RoutingContext ctx) {
    String brand = AnalyticsParams.name(ctx, "brand", true);
    Set<String> brands = new LinkedHashSet<>(List.of(brand));
    brands.addAll(rivals(ctx));
    ZoneId zone = params.zone();
    LocalDate today = LocalDate.now(zone);
    Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
    Instant from = today.minusDays(DAYS - 1).atStartOfDay(zone).toInstant();
    Instant before = today.minusDays(2 * DAYS - 1).atStartOfDay(zone).toInstant();
    List<Future<Weeks>> weeks = new ArrayList<>();
    for (String b : brands) {
      weeks.add(counts.series(new MarketingCounts.Query(b, null, null, before, to, MarketingCounts.Interval.DAY))
          .map(days -> new Weeks(b, total(days.subList(DAYS, days.size())), total(days.subList(0, DAYS)))));
    }
    Future<List<MarketingCounts.Topic>> topics = counts.topics(brand, "negative", from, to);
    Future<List<Spike>> found = spikes.list(brand, from, to, 50);
    Future.all(Future.join(weeks), topics, found).onSuccess(done -> {
      List<Weeks> all = weeks.stream().map(Future::result).toList();
      List<MarketingCounts.Topic> grown = topics.result().stream().limit(TOPICS).toList();
      if (AnalyticsParams.wantsCsv(ctx)) {
        AnalyticsParams.csv(ctx, "summary-" + brand + ".csv", csv(all, grown, found.result()));
        return;
      }
      AnalyticsParams.json(ctx, json(brand, from, to, before, all, grown, found.result()));
    }).onFailure(ctx::fail);
  }

  private Set<String> rivals(RoutingContext ctx) {
    String given = ctx.queryParams().get("competitors");
    Set<String> out = new LinkedHashSet<>();
    if (given == null || given.isBlank()) {
      out.addAll(competitors);
      return out;
    }
    for (String b : given.split(",")) {
      String rival = b.trim().toLowerCase(Locale.ROOT);
      if (!rival.matches(AnalyticsParams.NAME)) {
        throw ApiException.badRequest("bad_parameter", "competitors holds " + b.trim() + ", which is not a brand name");
      }
      out.add(rival);
    }
    if (out.size() > 19) {
      throw ApiException.badRequest("bad_parameter", "competitors lists more than 19 brands");
    }
    return out;
  }

  private JsonObject json(String brand, Instant from, Instant to, Instant before, List<Weeks> all,
      List<MarketingCounts.Topic> grown, List<Spike> found) {
    Weeks own = all.get(0);
    long volumeNow = all.stream().mapToLong(w -> w.now().total()).sum();
    long volumeBefore = all.stream().mapToLong(w -> w.before().total()).sum();
    JsonArray voice = new JsonArray();
    for (Weeks w : all) {
      voice.add(new JsonObject().put("brand", w.brand()).put("mentions", w.now().total())
          .put("share", share(w.now().total(), volumeNow)).put("previousShare", share(w.before().total(), volumeBefore))
          .put("net", AnalyticsParams.round(w.now().net())));
    }
    JsonArray aspects = new JsonArray();
    grown.forEach(t -> aspects.add(new JsonObject().put("aspect", t.aspect()).put("mentions", t.count())
        .put("previous", t.previous()).put("change", t.change() == null ? null : AnalyticsParams.round(t.change()))));
    JsonArray spikeItems = new JsonArray();
    found.forEach(s -> spikeItems.add(new JsonObject().put("id", s.id()).put("channel", s.channel())
        .put("startedAt", params.iso(s.startedAt())).put("peak", s.peak())
        .put("aspects", new JsonArray(List.copyOf(s.aspects()))).put("incidentCaseId", s.incidentCaseId())));
    return new JsonObject().put("brand", brand)
        .put("period", new JsonObject().put("from", params.iso(from)).put("to", params.iso(to)))
        .put("previousPeriod", new JsonObject().put("from", params.iso(before)).put("to", params.iso(from)))
        .put("mentions", figure(own.now().total(), own.before().total()))
        .put("negative", figure(own.now().negative(), own.before().negative()))
        .put("net", new JsonObject().put("now", AnalyticsParams.round(own.now().net()))
            .put("previous", AnalyticsParams.round(own.before().net()))
            .put("change", AnalyticsParams.round(own.now().net() - own.before().net())))
        .put("meanScore", new JsonObject().put("now", AnalyticsParams.round(own.now().meanScore()))
            .put("previous", AnalyticsParams.round(own.before().meanScore())))
        .put("reach", figure(own.now().reach(), own.before().reach()))
        .put("shareOfVoice", voice).put("negativeAspects", aspects).put("spikes", spikeItems);
  }

  private static String csv(List<Weeks> all, List<MarketingCounts.Topic> grown, List<Spike> found) {
    Weeks own = all.get(0);
    StringBuilder csv = new StringBuilder("figure,this_week,last_week\n");
    row(csv, "mentions", own.now().total(), own.before().total());
    row(csv, "positive", own.now().positive(), own.before().positive());
    row(csv, "neutral", own.now().neutral(), own.before().neutral());
    row(csv, "negative", own.now().negative(), own.before().negative());
    row(csv, "net", AnalyticsParams.round(own.now().net()), AnalyticsParams.round(own.before().net()));
    row(csv, "reach", own.now().reach(), own.before().reach());
    long volumeNow = all.stream().mapToLong(w -> w.now().total()).sum();
    long volumeBefore = all.stream().mapToLong(w -> w.before().total()).sum();
    for (Weeks w : all) {
      row(csv, "share_of_voice:" + w.brand(), share(w.now().total(), volumeNow), share(w.before().total(), volumeBefore));
    }
    for (MarketingCounts.Topic t : grown) {
      row(csv, "negative_aspect:" + t.aspect(), t.count(), t.previous());
    }
    row(csv, "spikes", found.size(), "");
    return csv.toString();
  }

  private static void row(StringBuilder csv, String figure, Object now, Object before) {
    csv.append(figure).append(',').append(now).append(',').append(before).append('\n');
  }

  private static JsonObject figure(long now, long before) {
    return new JsonObject().put("now", now).put("previous", before)
        .put("change", before == 0 ? null : AnalyticsParams.round((double) (now - before) / before));
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : AnalyticsParams.round((double) part / whole);
  }

  private static SentimentBucket total(List<SentimentBucket> days) {
    return days.stream().reduce(SentimentBucket::plus).orElseThrow();
  }
}
