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
import java.time.format.DateTimeParseException;
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
  private static final int MAX_DAYS = 400;
  private static final int MAX_HOURS = 35 * 24;
  private static final int MAX_BRANDS = 20;
  private static final String NAME = "[a-z0-9][a-z0-9._-]{0,63}";

  private final MarketingCounts counts;
  private final ZoneId zone;

  AnalyticsRoutes(MarketingCounts counts, ZoneId zone) {
    this.counts = counts;
    this.zone = zone;
  }

  void mount(Router api) {
    var may = Authentication.requires(Permission.READ_ANALYTICS);
    api.get("/analytics/sentiment").handler(may).handler(this::sentiment);
    api.get("/analytics/share-of-voice").handler(may).handler(this::shareOfVoice);
    api.get("/analytics/topics").handler(may).handler(this::topics);
  }

  /** What people talk about, and what grew: aspects per period against the period before, with mentions to read. */
  private void topics(RoutingContext ctx) {
    String brand = name(ctx, "brand", true);
    String label = ctx.queryParams().get("label");
    if (label != null && !List.of("positive", "neutral", "negative").contains(label)) {
      throw ApiException.badRequest("bad_parameter", "label must be positive, neutral or negative");
    }
    Instant[] range = range(ctx, MarketingCounts.Interval.DAY);
    counts.topics(brand, label, range[0], range[1]).onSuccess(topics -> {
      if (wantsCsv(ctx)) {
        StringBuilder csv = new StringBuilder("aspect,mentions,previous,change\n");
        for (MarketingCounts.Topic t : topics) {
          csv.append(t.aspect()).append(',').append(t.count()).append(',').append(t.previous()).append(',')
              .append(t.change() == null ? "" : round(t.change())).append('\n');
        }
        csv(ctx, "topics-" + brand + ".csv", csv.toString());
        return;
      }
      JsonArray items = new JsonArray();
      for (MarketingCounts.Topic t : topics) {
        items.add(new JsonObject().put("aspect", t.aspect()).put("mentions", t.count()).put("previous", t.previous())
            .put("change", t.change() == null ? null : round(t.change()))
            .put("examples", new JsonArray(List.copyOf(t.examples()))));
      }
      json(ctx, new JsonObject().put("brand", brand).put("label", label)
          .put("from", iso(range[0].atZone(zone))).put("to", iso(range[1].atZone(zone))).put("topics", items));
    }).onFailure(ctx::fail);
  }

  private void sentiment(RoutingContext ctx) {
    String brand = name(ctx, "brand", true);
    MarketingCounts.Interval interval = interval(ctx);
    Instant[] range = range(ctx, interval);
    MarketingCounts.Query q = new MarketingCounts.Query(brand, name(ctx, "channel", false),
        language(ctx), range[0], range[1], interval);
    counts.series(q).onSuccess(buckets -> {
      if (wantsCsv(ctx)) {
        StringBuilder csv = new StringBuilder("start,end,positive,neutral,negative,total,net,mean_score,reach\n");
        for (SentimentBucket b : buckets) {
          csv.append(iso(b.start())).append(',').append(iso(b.end())).append(',')
              .append(b.positive()).append(',').append(b.neutral()).append(',').append(b.negative()).append(',')
              .append(b.total()).append(',').append(round(b.net())).append(',').append(round(b.meanScore()))
              .append(',').append(b.reach()).append('\n');
        }
        csv(ctx, "sentiment-" + brand + ".csv", csv.toString());
        return;
      }
      JsonArray items = new JsonArray();
      SentimentBucket all = null;
      for (SentimentBucket b : buckets) {
        items.add(bucketJson(b));
        all = all == null ? b : all.plus(b);
      }
      json(ctx, new JsonObject().put("brand", brand).put("interval", interval.name().toLowerCase(Locale.ROOT))
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
      if (!brand.matches(NAME)) {
        throw ApiException.badRequest("bad_parameter", "brands holds " + b.trim() + ", which is not a brand name");
      }
      brands.add(brand);
    }
    if (brands.size() > MAX_BRANDS) {
      throw ApiException.badRequest("bad_parameter", "brands lists more than " + MAX_BRANDS + " brands");
    }
    Instant[] range = range(ctx, MarketingCounts.Interval.DAY);
    List<Future<List<SentimentBucket>>> each = new ArrayList<>();
    for (String brand : brands) {
      each.add(counts.series(new MarketingCounts.Query(brand, name(ctx, "channel", false), language(ctx), range[0],
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
      if (wantsCsv(ctx)) {
        StringBuilder csv = new StringBuilder("brand,mentions,share,positive,neutral,negative,net,reach\n");
        for (int i = 0; i < names.size(); i++) {
          SentimentBucket t = totals.get(i);
          csv.append(names.get(i)).append(',').append(t.total()).append(',').append(round(share(t, volume)))
              .append(',').append(t.positive()).append(',').append(t.neutral()).append(',').append(t.negative())
              .append(',').append(round(t.net())).append(',').append(t.reach()).append('\n');
        }
        csv(ctx, "share-of-voice.csv", csv.toString());
        return;
      }
      JsonArray items = new JsonArray();
      for (int i = 0; i < names.size(); i++) {
        SentimentBucket t = totals.get(i);
        items.add(new JsonObject().put("brand", names.get(i)).put("mentions", t.total())
            .put("share", round(share(t, volume))).put("positive", t.positive()).put("neutral", t.neutral())
            .put("negative", t.negative()).put("net", round(t.net())).put("reach", t.reach()));
      }
      json(ctx, new JsonObject().put("from", range[0].atZone(zone).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME))
          .put("to", range[1].atZone(zone).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)).put("mentions", volume)
          .put("brands", items));
    }).onFailure(ctx::fail);
  }

  private static String iso(java.time.ZonedDateTime at) {
    return at.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static double share(SentimentBucket t, long volume) {
    return volume == 0 ? 0 : (double) t.total() / volume;
  }

  private static JsonObject bucketJson(SentimentBucket b) {
    JsonObject triage = new JsonObject();
    b.triage().forEach(triage::put);
    return new JsonObject().put("start", b.start().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .put("end", b.end().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .put("positive", b.positive()).put("neutral", b.neutral()).put("negative", b.negative())
        .put("total", b.total()).put("net", round(b.net())).put("meanScore", round(b.meanScore()))
        .put("reach", b.reach()).put("triage", triage);
  }

  /**
   * {@code from} and {@code to} as dates (the brand's local days, both included) or date-times with an offset
   * ({@code to} excluded); by default the last 30 days, or the last 48 hours for hours.
   */
  private Instant[] range(RoutingContext ctx, MarketingCounts.Interval interval) {
    Instant now = Instant.now();
    Instant to = moment(ctx, "to", true);
    if (to == null) {
      to = interval == MarketingCounts.Interval.DAY
          ? LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant()
          : now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1));
    }
    Instant from = moment(ctx, "from", false);
    if (from == null) {
      from = interval == MarketingCounts.Interval.DAY ? to.atZone(zone).toLocalDate().minusDays(30)
          .atStartOfDay(zone).toInstant() : to.minus(Duration.ofHours(48));
    }
    if (!from.isBefore(to)) {
      throw ApiException.badRequest("bad_parameter", "from must come before to");
    }
    long span = interval == MarketingCounts.Interval.DAY ? Duration.between(from, to).toDays()
        : Duration.between(from, to).toHours();
    long max = interval == MarketingCounts.Interval.DAY ? MAX_DAYS : MAX_HOURS;
    if (span > max) {
      throw ApiException.badRequest("bad_parameter", "at most " + max + (interval == MarketingCounts.Interval.DAY
          ? " days" : " hours (hours are kept 35 days; use interval=day for longer)") + " at once");
    }
    return new Instant[] {from, to};
  }

  private Instant moment(RoutingContext ctx, String name, boolean end) {
    String text = ctx.queryParams().get(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      LocalDate day = LocalDate.parse(text.trim());
      return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(text.trim()).toInstant();
      } catch (DateTimeParseException notADateTime) {
        throw ApiException.badRequest("bad_parameter", name + " must be a date (2026-11-30) or a date-time with an "
            + "offset (2026-11-30T09:00:00+01:00)");
      }
    }
  }

  private static MarketingCounts.Interval interval(RoutingContext ctx) {
    String text = ctx.queryParams().get("interval");
    if (text == null || text.equals("day")) {
      return MarketingCounts.Interval.DAY;
    }
    if (text.equals("hour")) {
      return MarketingCounts.Interval.HOUR;
    }
    throw ApiException.badRequest("bad_parameter", "interval must be hour or day, got " + text);
  }

  private static String name(RoutingContext ctx, String name, boolean required) {
    String text = ctx.queryParams().get(name);
    if (text == null || text.isBlank()) {
      if (required) {
        throw ApiException.badRequest("missing_parameter", name + " is required");
      }
      return null;
    }
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (!value.matches(NAME)) {
      throw ApiException.badRequest("bad_parameter", name + " is not a name (letters, digits, . _ -)");
    }
    return value;
  }

  private static String language(RoutingContext ctx) {
    String text = ctx.queryParams().get("language");
    if (text == null || text.isBlank()) {
      return null;
    }
    if (!text.trim().matches("[a-zA-Z]{2,3}")) {
      throw ApiException.badRequest("bad_parameter", "language must be a code such as nl or en");
    }
    return text.trim().toLowerCase(Locale.ROOT);
  }

  private static boolean wantsCsv(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
  }

  private static void csv(RoutingContext ctx, String file, String body) {
    ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"").end(body);
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
