package nl.webcare.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.webcare.analytics.spikes.MinuteCounts;
import nl.webcare.analytics.spikes.SpikeDetector;

/**
 * Measures the spike detector on a synthetic series with known incidents ({@link SyntheticNegatives}): the same
 * detector, baseline and start/end rule that Webcare runs, checked every 30 seconds of the series with a cooldown
 * of an hour after each spike. A spike that starts between an incident's start and 15 minutes after its end
 * detects it (the delay is from the incident's start); one that starts elsewhere is a false alarm. Figures are
 * given apart for the first four weeks (the history still building: the floor, then the last 24 hours) and for
 * the weeks after (the seasonal baseline).
 */
public final class SpikeReplayBenchmark {
  private static final Duration CHECK_EVERY = Duration.ofSeconds(30);
  private static final Duration COOLDOWN = Duration.ofHours(1);
  private static final Duration GRACE = Duration.ofMinutes(15);
  private static final int HISTORY_WEEKS = 4;

  private SpikeReplayBenchmark() {}

  public static JsonObject run(int weeks, double perWindowAtNoon, double incidentsPerWeek, long seed,
      List<Double> sensitivities, int minCount, double floor) {
    ZoneId zone = ZoneId.of("Europe/Amsterdam");
    Instant start = Instant.parse("2026-01-05T00:00:00Z");
    SyntheticNegatives series = new SyntheticNegatives(start, weeks, perWindowAtNoon, incidentsPerWeek, zone, seed);
    JsonArray results = new JsonArray();
    for (double sensitivity : sensitivities) {
      SpikeDetector detector = new SpikeDetector(new SpikeDetector.Settings(sensitivity, minCount, floor), zone);
      List<Instant> starts = replay(series, detector);
      results.add(new JsonObject().put("sensitivity", sensitivity).put("minCount", minCount)
          .put("baselineFloor", floor)
          .put("historyBuilding", score(series, starts, start, start.plus(Duration.ofDays(7L * HISTORY_WEEKS))))
          .put("seasonal", score(series, starts, start.plus(Duration.ofDays(7L * HISTORY_WEEKS)),
              start.plus(Duration.ofDays(7L * weeks)))));
    }
    return new JsonObject().put("weeks", weeks).put("negativesPer15MinAtNoon", perWindowAtNoon)
        .put("incidents", series.incidents.size()).put("seed", seed).put("results", results);
  }

  /** The detector run over the series as the watcher runs it: the starts of its spikes. */
  private static List<Instant> replay(SyntheticNegatives series, SpikeDetector detector) {
    MinuteCounts counts = new MinuteCounts() {
      @Override
      public long[] perMinute(Instant from, int n) {
        long[] out = new long[n];
        long first = Duration.between(series.start, from).toMinutes();
        for (int i = 0; i < n; i++) {
          long index = first + i;
          out[i] = index >= 0 && index < series.minutes.length ? series.minutes[(int) index] : 0;
        }
        return out;
      }

      @Override
      public Instant since() {
        return series.start;
      }
    };
    List<Instant> starts = new ArrayList<>();
    Instant activeSince = null;
    Instant coolUntil = Instant.MIN;
    long slot = -1;
    SpikeDetector.Baseline baseline = null;
    Instant end = series.start.plus(Duration.ofMinutes(series.minutes.length));
    for (Instant now = series.start.plus(Duration.ofMinutes(30)); now.isBefore(end); now = now.plus(CHECK_EVERY)) {
      if (now.toEpochMilli() / 300_000 != slot) { // as BaselineCache: one baseline per five minutes
        slot = now.toEpochMilli() / 300_000;
        baseline = detector.baseline(counts, now);
      }
      // whole minutes only: the minute under way is left out, so a delay here is at most a minute too long
      SpikeDetector.Reading reading = detector.read(counts, now.minus(Duration.ofMinutes(1)), baseline);
      switch (detector.step(reading, activeSince, now.isBefore(coolUntil))) {
        case START -> {
          activeSince = now;
          starts.add(now);
        }
        case END -> {
          activeSince = null;
          coolUntil = now.plus(COOLDOWN);
        }
        default -> { }
      }
    }
    return starts;
  }

  /** A quantile of delays in seconds, in minutes; null when there are none. */
  private static Double quantile(List<Long> seconds, double q) {
    if (seconds.isEmpty()) {
      return null;
    }
    List<Long> sorted = seconds.stream().sorted().toList();
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * q))) / 60.0;
  }

  private static JsonObject score(SyntheticNegatives series, List<Instant> starts, Instant from, Instant to) {
    List<Long> delays = new ArrayList<>();
    List<Long> daytimeDelays = new ArrayList<>();
    int missed = 0;
    int incidents = 0;
    List<Instant> explained = new ArrayList<>();
    for (SyntheticNegatives.Incident incident : series.incidents) {
      if (incident.start().isBefore(from) || !incident.start().isBefore(to)) {
        continue;
      }
      incidents++;
      Instant caught = starts.stream().filter(s -> !s.isBefore(incident.start())
          && !s.isAfter(incident.end().plus(GRACE))).findFirst().orElse(null);
      if (caught == null) {
        missed++;
      } else {
        delays.add(Duration.between(incident.start(), caught).toSeconds());
        if (incident.daytime()) {
          daytimeDelays.add(Duration.between(incident.start(), caught).toSeconds());
        }
      }
    }
    long daytime = series.incidents.stream().filter(i -> !i.start().isBefore(from) && i.start().isBefore(to))
        .filter(SyntheticNegatives.Incident::daytime).count();
    long falseAlarms = starts.stream().filter(s -> !s.isBefore(from) && s.isBefore(to))
        .filter(s -> series.incidents.stream().noneMatch(i -> !s.isBefore(i.start())
            && !s.isAfter(i.end().plus(GRACE)))).count();
    double weeks = Duration.between(from, to).toDays() / 7.0;
    return new JsonObject().put("weeks", weeks).put("incidents", incidents).put("detected", incidents - missed)
        .put("missed", missed)
        .put("delayMinutesMedian", quantile(delays, 0.5)).put("delayMinutesP90", quantile(delays, 0.9))
        .put("daytimeIncidents", daytime).put("daytimeIncidentsDetected", daytimeDelays.size())
        .put("daytimeDelayMinutesMedian", quantile(daytimeDelays, 0.5))
        .put("daytimeDelayMinutesP90", quantile(daytimeDelays, 0.9))
        .put("falseAlarms", falseAlarms).put("falseAlarmsPerWeek", Math.round(falseAlarms / weeks * 100) / 100.0);
  }
}
