package nl.webcare.api;

import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import io.vertx.core.json.JsonObject;
import nl.webcare.analytics.MarketingCounts;

/**
 * What the marketing routes share: their query parameters (brand and channel names, language, a period of local
 * days or date-times) read and refused the same way, and their answers as JSON or as CSV for a spreadsheet.
 */
final class AnalyticsParams {
  private static final int MAX_DAYS = 400;
  private static final int MAX_HOURS = 35 * 24;
  static final String NAME = "[a-z0-9][a-z0-9._-]{0,63}";

  private final ZoneId zone;

  AnalyticsParams(ZoneId zone) {
    this.zone = zone;
  }

  ZoneId zone() {
    return zone;
  }

  String iso(Instant at) {
    return iso(at.atZone(zone));
  }

  static String iso(ZonedDateTime at) {
    return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /**
   * {@code from} and {@code to} as dates (the brand's local days, both included) or date-times with an offset
   * ({@code to} excluded); by default the last 30 days, or the last 48 hours for hours.
   */
  Instant[] range(RoutingContext ctx, MarketingCounts.Interval interval) {
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

  Instant moment(RoutingContext ctx, String name, boolean end) {
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

  static MarketingCounts.Interval interval(RoutingContext ctx) {
    String text = ctx.queryParams().get("interval");
    if (text == null || text.equals("day")) {
      return MarketingCounts.Interval.DAY;
    }
    if (text.equals("hour")) {
      return MarketingCounts.Interval.HOUR;
    }
    throw ApiException.badRequest("bad_parameter", "interval must be hour or day, got " + text);
  }

  static String name(RoutingContext ctx, String name, boolean required) {
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

  static String language(RoutingContext ctx) {
    String text = ctx.queryParams().get("language");
    if (text == null || text.isBlank()) {
      return null;
    }
    if (!text.trim().matches("[a-zA-Z]{2,3}")) {
      throw ApiException.badRequest("bad_parameter", "language must be a code such as nl or en");
    }
    return text.trim().toLowerCase(Locale.ROOT);
  }

  static boolean wantsCsv(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
  }

  static void csv(RoutingContext ctx, String file, String body) {
    ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"").end(body);
  }

  static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }

  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
