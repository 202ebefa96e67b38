package nl.webcare.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A team's opening hours in its time zone, written as {@code "mon-fri 08:00-20:00; sat 10:00-16:00"} or
 * {@code "always"}. An SLA clock that pauses after hours counts only open time: {@link #addOpenTime}.
 * Daylight-saving changes are handled by working in the zone's local dates and times.
 */
public final class BusinessHours {
  private static final Pattern PART = Pattern.compile(
      "(mon|tue|wed|thu|fri|sat|sun)(?:-(mon|tue|wed|thu|fri|sat|sun))?\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  /** A clock never looks further ahead than this for open time (a schedule with no hours at all). */
  private static final int MAX_DAYS = 366;

  private record Span(LocalTime start, LocalTime end) {}

  private final Map<DayOfWeek, List<Span>> week;
  private final ZoneId zone;
  private final boolean always;

  private BusinessHours(Map<DayOfWeek, List<Span>> week, ZoneId zone, boolean always) {
    this.week = week;
    this.zone = zone;
    this.always = always;
  }

  public static BusinessHours always(ZoneId zone) {
    return new BusinessHours(Map.of(), zone, true);
  }

  /** Parses the schedule; {@link IllegalArgumentException} says which part is wrong. */
  public static BusinessHours parse(String text, ZoneId zone) {
    String schedule = text.trim().toLowerCase(Locale.ROOT);
    if (schedule.equals("always") || schedule.equals("24/7")) {
      return always(zone);
    }
    Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
    for (String part : schedule.split("[;,]")) {
      Matcher m = PART.matcher(part.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException("\"" + part.trim() + "\" is not like \"mon-fri 08:00-20:00\"");
      }
      int from = DAYS.indexOf(m.group(1));
      int to = m.group(2) == null ? from : DAYS.indexOf(m.group(2));
      LocalTime start = LocalTime.parse(m.group(3));
      LocalTime end = m.group(4).equals("24:00") ? LocalTime.MAX : LocalTime.parse(m.group(4));
      if (!end.isAfter(start) || to < from) {
        throw new IllegalArgumentException("\"" + part.trim() + "\" ends before it starts");
      }
      for (int d = from; d <= to; d++) {
        week.computeIfAbsent(DayOfWeek.of(d + 1), k -> new ArrayList<>()).add(new Span(start, end));
      }
    }
    week.values().forEach(spans -> spans.sort(java.util.Comparator.comparing(Span::start)));
    return new BusinessHours(week, zone, false);
  }

  public boolean isOpen(Instant at) {
    if (always) {
      return true;
    }
    ZonedDateTime local = at.atZone(zone);
    for (Span span : week.getOrDefault(local.getDayOfWeek(), List.of())) {
      LocalTime t = local.toLocalTime();
      if (!t.isBefore(span.start()) && t.isBefore(span.end())) {
        return true;
      }
    }
    return false;
  }

  /** The instant at which {@code amount} of open time has passed since {@code start}. */
  public Instant addOpenTime(Instant start, Duration amount) {
    if (always) {
      return start.plus(amount);
    }
    Duration left = amount;
    LocalDate day = start.atZone(zone).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      for (Span span : week.getOrDefault(day.getDayOfWeek(), List.of())) {
        Instant open = day.atTime(span.start()).atZone(zone).toInstant();
        Instant close = span.end() == LocalTime.MAX ? day.plusDays(1).atStartOfDay(zone).toInstant()
            : day.atTime(span.end()).atZone(zone).toInstant();
        Instant from = open.isBefore(start) ? start : open;
        if (!from.isBefore(close)) {
          continue;
        }
        Duration available = Duration.between(from, close);
        if (available.compareTo(left) >= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
      }
    }
    throw new IllegalStateException("no open time within " + MAX_DAYS + " days");
  }

  /**
   * The open time between two instants: what a customer waited in the team's hours (a complaint on Friday night
   * answered on Monday at 08:10 waited ten minutes of open time). Zero when {@code to} is not after {@code from}.
   */
  public Duration openTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (always) {
      return Duration.between(from, to);
    }
    Duration open = Duration.ZERO;
    LocalDate last = to.atZone(zone).toLocalDate();
    LocalDate day = from.atZone(zone).toLocalDate();
    for (int i = 0; i <= MAX_DAYS && !day.isAfter(last); i++, day = day.plusDays(1)) {
      for (Span span : week.getOrDefault(day.getDayOfWeek(), List.of())) {
        Instant opens = day.atTime(span.start()).atZone(zone).toInstant();
        Instant closes = span.end() == LocalTime.MAX ? day.plusDays(1).atStartOfDay(zone).toInstant()
            : day.atTime(span.end()).atZone(zone).toInstant();
        Instant a = opens.isBefore(from) ? from : opens;
        Instant b = closes.isAfter(to) ? to : closes;
        if (b.isAfter(a)) {
          open = open.plus(Duration.between(a, b));
        }
      }
    }
    return open;
  }

  public ZoneId zone() {
    return zone;
  }
}
