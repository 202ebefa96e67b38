package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.webcare.access.Permission;
import nl.webcare.analytics.MarketingCounts;
import nl.webcare.analytics.SentimentBucket;

/**
 * Marketing figures for analysts, leads and admins, from the counts written with every stored mention (no personal
 * data): sentiment per hour or day, and share of voice against competitors. Each answers JSON, or CSV for the
 * spreadsheet when the request sends {@code Accept: text/csv}.
 */
final class AnalyticsRoutes {
  private static final int MAX_BRANDS = 20;
  /** Phrases answered at most. */
  private static final int PHRASES = 30;

  private final MarketingCounts counts;
  private final ZoneId zone;
  private final AnalyticsParams params;

  AnalyticsRoutes(MarketingCounts counts, ZoneId zone) {
    this.counts = counts;
    this.zone = zone;
    this.params = new AnalyticsParams(zone);
  }

  void mount(Router api) {
    var may = Authentication.requires(Permission.READ_ANALYTICS);
    api.get("/analytics/sentiment").handler(may).handler(this::sentiment);
    api.get("/analytics/share-of-voice").handler(may).handler(this::shareOfVoice);
    api.get("/analytics/topics").handler(may).handler(this::topics);
  }

  /** What people talk about, and what grew: aspects per period against the period before, with mentions to read. */
  private void topics(RoutingContext ctx) {
    String brand = AnalyticsParams.name(ctx, "brand", true);
    String label = ctx.queryParams().get("label");
    if (label != null && !List.of("positive", "neutral", "negative").contains(label)) {
      throw ApiException.badRequest("bad_parameter", "label must be positive, neutral or negative");
    }
    Instant[] range = params.range(ctx, MarketingCounts.Interval.DAY);
    Future<List<MarketingCounts.Topic>> aspects = counts.topics(brand, label, range[0], range[1]);
    Future<List<MarketingCounts.Phrase>> phrases = counts.phrases(brand, label, range[0], range[1], PHRASES);
    Future.all(aspects, phrases).onSuccess(done -> {
      if (AnalyticsParams.wantsCsv(ctx)) {
        StringBuilder csv = new StringBuilder("kind,topic,mentions,previous,change\n");
        for (MarketingCounts.Topic t : aspects.result()) {
          csv.append("aspect,").append(t.aspect()).append(',').append(t.count()).append(',').append(t.previous())
              .append(',').append(t.change() == null ? "" : AnalyticsParams.round(t.change())).append('\n');
        }
        for (MarketingCounts.Phrase p : phrases.result()) {
          csv.append("phrase,").append(p.phrase()).append(',').append(p.count()).append(',').append(p.previous())
              .append(',').append(p.change() == null ? "" : AnalyticsParams.round(p.change())).append('\n');
        }
        AnalyticsParams.csv(ctx, "topics-" + brand + ".csv", csv.toString());
        return;
      }
      JsonArray items = new JsonArray();
      for (MarketingCounts.Topic t : aspects.result()) {
        items.add(new JsonObject().put("aspect", t.aspect()).put("mentions", t.count()).put("previous", t.previous())
            .put("change", t.change() == null ? null : AnalyticsParams.round(t.change()))
            .put("examples", new JsonArray(List.copyOf(t.examples()))));
      }
      JsonArray said = new JsonArray();
      for (MarketingCounts.Phrase p : phrases.result()) {
        said.add(new JsonObject().put("phrase", p.phrase()).put("mentions", p.count()).put("previous", p.previous())
            .put("change", p.change() == null ? null : AnalyticsParams.round(p.change())).put("new", p.isNew()));
      }
      AnalyticsParams.json(ctx, new JsonObject().put("brand", brand).put("label", label)
          .put("from", AnalyticsParams.iso(range[0].atZone(zone))).put("to", AnalyticsParams.iso(range[1].atZone(zone)))
          .put("topics", items).put("phrases", said));
    }).onFailure(ctx::fail);
  }

  private void sentiment(RoutingContext ctx) {
    String brand = AnalyticsParams.name(ctx, "brand", true);
    MarketingCounts.Interval interval = AnalyticsParams.interval(ctx);
    Instant[] range = params.range(ctx, interval);
    MarketingCounts.Query q = new MarketingCounts.Query(brand, AnalyticsParams.name(ctx, "channel", false),
        AnalyticsParams.language(ctx), range[0], range[1], interval);
    counts.series(q).onSuccess(buckets -> {
      if (AnalyticsParams.wantsCsv(ctx)) {
        StringBuilder csv = new StringBuilder("start,end,positive,neutral,negative,total,net,mean_score,reach\n");
        for (SentimentBucket b : buckets) {
          csv.append(AnalyticsParams.iso(b.start())).append(',').append(AnalyticsParams.iso(b.end())).append(',')
              .append(b.positive()).append(',').append(b.neutral()).append(',').append(b.negative()).append(',')
              .append(b.total()).append(',').append(AnalyticsParams.round(b.net())).append(',').append(AnalyticsParams.round(b.meanScore()))
              .append(',').append(b.reach()).append('\n');
        }
        AnalyticsParams.csv(ctx, "sentiment-" + brand + ".csv", csv.toString());
        return;
      }
      JsonArray items = new JsonArray();
      SentimentBucket all = null;
      for (SentimentBucket b : buckets) {
        items.add(bucketJson(b));
        all = all == null ? b : all.plus(b);
      }
      AnalyticsParams.json(ctx, new JsonObject().put("brand", brand).put("interval", interval.name().toLowerCase(Locale.ROOT))
          .put("timezone", zone.getId()).put("channel", q.channel()).put("language", q.language())
          .put("buckets", items).put("total", all == null ? null : bucketJson(all)));
    }).onFailure(ctx::fail);
  }

  private void shareOfVoice(RoutingContext ctx) {
    String given = ctx.queryParams().get("brands");
    if (given == null || given.isBlank()) {
      throw ApiException.badRequest("missing_parameter", "brands is required: the brand and its competitors, "
          + "comma-separated (brands=acme,rivalco)");
    }
    Set<String> brands = new LinkedHashSet<>();
    for (String b : given.split(",")) {
      String brand = b.trim().toLowerCase(Locale.ROOT);
      if (!brand.matches(AnalyticsParams.NAME)) {
        throw ApiException.badRequest("bad_parameter", "brands holds " + b.trim() + ", which is not a brand name");
      }
      brands.add(brand);
    }
    if (brands.size() > MAX_BRANDS) {
      throw ApiException.badRequest("bad_parameter", "brands lists more than " + MAX_BRANDS + " brands");
    }
    Instant[] range = params.range(ctx, MarketingCounts.Interval.DAY);
    List<Future<List<SentimentBucket>>> each = new ArrayList<>();
    for (String brand : brands) {
      each.add(counts.series(new MarketingCounts.Query(brand, AnalyticsParams.name(ctx, "channel", false), AnalyticsParams.language(ctx), range[0],
          range[1], MarketingCounts.Interval.DAY)));
    }
    Future.all(each).onSuccess(done -> {
      List<SentimentBucket> totals = new ArrayList<>();
      long volume = 0;
      for (Future<List<SentimentBucket>> f : each) {
        SentimentBucket sum = f.result().stream().reduce(SentimentBucket::plus).orElseThrow();
        totals.add(sum);
        volume += sum.total();
      }
      List<String> names = List.copyOf(brands);
      if (AnalyticsParams.wantsCsv(ctx)) {
        StringBuilder csv = new StringBuilder("brand,mentions,share,positive,neutral,negative,net,reach\n");
        for (int i = 0; i < names.size(); i++) {
          SentimentBucket t = totals.get(i);
          csv.append(names.get(i)).append(',').append(t.total()).append(',').append(AnalyticsParams.round(share(t, volume)))
              .append(',').append(t.positive()).append(',').append(t.neutral()).append(',').append(t.negative())
              .append(',').append(AnalyticsParams.round(t.net())).append(',').append(t.reach()).append('\n');
        }
        AnalyticsParams.csv(ctx, "share-of-voice.csv", csv.toString());
        return;
      }
      JsonArray items = new JsonArray();
      for (int i = 0; i < names.size(); i++) {
        SentimentBucket t = totals.get(i);
        items.add(new JsonObject().put("brand", names.get(i)).put("mentions", t.total())
            .put("share", AnalyticsParams.round(share(t, volume))).put("positive", t.positive()).put("neutral", t.neutral())
            .put("negative", t.negative()).put("net", AnalyticsParams.round(t.net())).put("reach", t.reach()));
      }
      AnalyticsParams.json(ctx, new JsonObject().put("from", range[0].atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
          .put("to", range[1].atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).put("mentions", volume)
          .put("brands", items));
    }).onFailure(ctx::fail);
  }

  private static double share(SentimentBucket t, long volume) {
    return volume == 0 ? 0 : (double) t.total() / volume;
  }

  private static JsonObject bucketJson(SentimentBucket b) {
    JsonObject triage = new JsonObject();
    b.triage().forEach(triage::put);
    return new JsonObject().put("start", b.start().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .put("end", b.end().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .put("positive", b.positive()).put("neutral", b.neutral()).put("negative", b.negative())
        .put("total", b.total()).put("net", AnalyticsParams.round(b.net())).put("meanScore", AnalyticsParams.round(b.meanScore()))
        .put("reach", b.reach()).put("triage", triage);
  }

}
