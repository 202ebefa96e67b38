package nl.webcare.analytics.spikes;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Says whether a brand's negative volume is out of line: the negative mentions of the trailing 15 minutes against
 * a robust baseline of the same time of the week (the median and the median absolute deviation of the 15-minute
 * windows within an hour of this time in each of the last four weeks: 36 windows), or, without two weeks of
 * history, of the last 24 hours (96 windows), or, with neither, of a floor. A seasonal baseline is raised to
 * today's level when the two hours before run higher (a busy news day is no incident; measured, this halves the
 * false alarms at the same detection, README "Spikes"). Median and MAD because a past spike in
 * the history must not raise the bar for the next one, as a mean and standard deviation would; the same time of
 * the week because complaints follow office hours and weekends. The spread is never taken below the Poisson
 * spread of the median ({@code sqrt(median)}), because at a few mentions per window the MAD is often 0.
 *
 * <p>A spike starts as soon as the trailing count reaches {@code max(minCount, median + sensitivity x spread)}:
 * checked every few seconds over a sliding window, so it fires while the burst is going on, not when a fixed
 * window closes. It ends when the count falls to {@code median + sensitivity / 2 x spread} or below, at the
 * earliest one window after it began (the gap between the two keeps a count that hovers at the threshold from
 * starting and ending spikes in turn).
 */
public final class SpikeDetector {
  public static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int WINDOW_MINUTES = 15;
  private static final int WEEKS = 4;
  /** Windows ending up to this many minutes before and after the same time of the week count as samples. */
  private static final int SEASONAL_REACH_MINUTES = 60;
  private static final int RECENT_WINDOWS = 96;
  /** Seasonal samples needed (two weeks' worth) before the seasonal baseline is trusted; else the recent one. */
  private static final int MIN_SEASONAL_SAMPLES = 18;
  /** Recent samples needed (two hours) before the recent baseline is trusted; else the floor alone. */
  private static final int MIN_RECENT_SAMPLES = 8;

  /**
   * @param sensitivity   how many spreads above the median a count must lie
   * @param minCount      fewer negative mentions in a window than this are never a spike
   * @param baselineFloor the median is never taken below this (per window)
   */
  public record Settings(double sensitivity, int minCount, double baselineFloor) {}

  public enum BaselineSource { SEASONAL, RECENT, FLOOR }

  /** What a window is held against: its median, spread, the number of windows they rest on and which kind. */
  public record Baseline(double median, double spread, int samples, BaselineSource source) {}

  /** The trailing window's count against its baseline, and the levels that start and end a spike. */
  public record Reading(Instant windowStart, Instant windowEnd, long count, Baseline baseline, long threshold,
      double endLevel) {
    public boolean outOfLine() {
      return count >= threshold;
    }

    public boolean backInLine() {
      return count <= endLevel;
    }
  }

  /** What a check decides for one brand (or channel). */
  public enum Step { START, GOES_ON, END, QUIET }

  private final Settings settings;
  private final ZoneId zone;

  public SpikeDetector(Settings settings, ZoneId zone) {
    this.settings = settings;
    this.zone = zone;
  }

  /** The trailing 15 minutes before {@code now} (whole minutes: the current minute is included). */
  public Reading read(MinuteCounts counts, Instant now, Baseline baseline) {
    Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    Instant start = end.minus(WINDOW);
    long count = sum(counts.perMinute(start, WINDOW_MINUTES));
    double threshold = Math.max(settings.minCount(), baseline.median() + settings.sensitivity() * baseline.spread());
    double endLevel = baseline.median() + settings.sensitivity() / 2 * baseline.spread();
    return new Reading(start, end, count, baseline, (long) Math.ceil(threshold), endLevel);
  }

  /**
   * The baseline of the window ending at {@code now}. It moves slowly, so callers may keep it for a few minutes.
   */
  public Baseline baseline(MinuteCounts counts, Instant now) {
    Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    List<Long> seasonal = seasonalSamples(counts, end);
    if (seasonal.size() >= MIN_SEASONAL_SAMPLES) {
      return levelled(robust(seasonal, BaselineSource.SEASONAL), counts, end);
    }
    List<Long> recent = recentSamples(counts, end);
    if (recent.size() >= MIN_RECENT_SAMPLES) {
      return robust(recent, BaselineSource.RECENT);
    }
    double floor = settings.baselineFloor();
    return new Baseline(floor, Math.sqrt(Math.max(1, floor)), 0, BaselineSource.FLOOR);
  }

  /** What to do now, given whether a spike is going on (since when) and whether the key rests after one. */
  public Step step(Reading reading, Instant activeSince, boolean coolingDown) {
    if (activeSince == null) {
      return !coolingDown && reading.outOfLine() ? Step.START : Step.QUIET;
    }
    boolean lastedAWindow = !reading.windowEnd().isBefore(activeSince.plus(WINDOW));
    return lastedAWindow && reading.backInLine() ? Step.END : Step.GOES_ON;
  }

  /**
   * The seasonal baseline raised to today's level where today runs higher than the same hours of past weeks (a
   * busy news day, a campaign, a brand that grew): the median of the eight windows of the two hours that end half
   * an hour before now (half an hour back, so that the start of a burst is not its own baseline).
   */
  private Baseline levelled(Baseline seasonal, MinuteCounts counts, Instant end) {
    Instant from = end.minus(Duration.ofMinutes(30 + 8 * WINDOW_MINUTES));
    if (from.isBefore(counts.since())) {
      return seasonal;
    }
    long[] minutes = counts.perMinute(from, 8 * WINDOW_MINUTES);
    List<Long> today = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      today.add(sum(Arrays.copyOfRange(minutes, w * WINDOW_MINUTES, (w + 1) * WINDOW_MINUTES)));
    }
    double level = median(today);
    if (level <= seasonal.median()) {
      return seasonal;
    }
    return new Baseline(level, Math.max(seasonal.spread(), Math.sqrt(level)), seasonal.samples(), seasonal.source());
  }

  /** Windows within an hour of the same local time of the week, in each of the last four weeks. */
  private List<Long> seasonalSamples(MinuteCounts counts, Instant end) {
    List<Long> samples = new ArrayList<>();
    for (int week = 1; week <= WEEKS; week++) {
      Instant sameTime = end.atZone(zone).minusWeeks(week).toInstant();
      Instant from = sameTime.minus(Duration.ofMinutes(SEASONAL_REACH_MINUTES + WINDOW_MINUTES));
      long[] minutes = counts.perMinute(from, 2 * SEASONAL_REACH_MINUTES + WINDOW_MINUTES);
      for (int offset = 0; offset <= 2 * SEASONAL_REACH_MINUTES; offset += WINDOW_MINUTES) {
        if (!from.plus(Duration.ofMinutes(offset)).isBefore(counts.since())) {
          samples.add(sum(Arrays.copyOfRange(minutes, offset, offset + WINDOW_MINUTES)));
        }
      }
    }
    return samples;
  }

  /** The 96 windows of the 24 hours before the trailing one. */
  private List<Long> recentSamples(MinuteCounts counts, Instant end) {
    Instant from = end.minus(WINDOW.multipliedBy(RECENT_WINDOWS + 1));
    long[] minutes = counts.perMinute(from, RECENT_WINDOWS * WINDOW_MINUTES);
    List<Long> samples = new ArrayList<>();
    for (int w = 0; w < RECENT_WINDOWS; w++) {
      if (!from.plus(WINDOW.multipliedBy(w)).isBefore(counts.since())) {
        samples.add(sum(Arrays.copyOfRange(minutes, w * WINDOW_MINUTES, (w + 1) * WINDOW_MINUTES)));
      }
    }
    return samples;
  }

  private Baseline robust(List<Long> samples, BaselineSource source) {
    double median = Math.max(median(samples), settings.baselineFloor());
    List<Long> deviations = new ArrayList<>();
    double raw = median(samples);
    for (long s : samples) {
      deviations.add(Math.round(Math.abs(s - raw) * 1000));
    }
    double mad = median(deviations) / 1000.0;
    // 1.4826 x MAD estimates the standard deviation of normal data; counts this small need the Poisson floor
    double spread = Math.max(1.4826 * mad, Math.sqrt(Math.max(1, median)));
    return new Baseline(median, spread, samples.size(), source);
  }

  static double median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    int n = sorted.length;
    return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }
}
