package nl.webcare.analytics.spikes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The detector's baseline and decisions on scripted minute counts. */
class SpikeDetectorTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private final SpikeDetector detector = new SpikeDetector(new SpikeDetector.Settings(4.0, 10, 2.0), AMSTERDAM);

  /** Minute counts held in a map, with a start of history. */
  private static final class Scripted implements MinuteCounts {
    final Map<Instant, Long> minutes = new HashMap<>();
    final Instant since;

    Scripted(Instant since) {
      this.since = since;
    }

    /** {@code perWindow} negatives in each 15-minute window from {@code from} to {@code to}, spread evenly. */
    Scripted steady(Instant from, Instant to, long perWindow) {
      for (Instant w = from; w.isBefore(to); w = w.plus(SpikeDetector.WINDOW)) {
        for (int i = 0; i < perWindow; i++) {
          add(w.plus(Duration.ofMinutes(i % 15)), 1);
        }
      }
      return this;
    }

    Scripted add(Instant minute, long count) {
      minutes.merge(minute.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), count, Long::sum);
      return this;
    }

    @Override
    public long[] perMinute(Instant from, int n) {
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = minutes.getOrDefault(from.plus(Duration.ofMinutes(i)), 0L);
      }
      return out;
    }

    @Override
    public Instant since() {
      return since;
    }
  }

  private SpikeDetector.Reading read(Scripted counts, Instant now) {
    return detector.read(counts, now, detector.baseline(counts, now));
  }

  @Test
  void aNewInstallationCatchesABurstOnTheFloor() {
    // GIVEN counting began ten minutes ago (no history at all)
    Instant now = Instant.parse("2026-12-01T10:07:30Z");
    Scripted counts = new Scripted(now.minus(Duration.ofMinutes(10)));
    counts.add(now.minus(Duration.ofMinutes(3)), 6);
    // WHEN six negative mentions came in THEN that is no spike (the minimum count is 10)
    SpikeDetector.Reading quiet = read(counts, now);
    assertThat(quiet.baseline().source()).isEqualTo(SpikeDetector.BaselineSource.FLOOR);
    assertThat(detector.step(quiet, null, false)).isEqualTo(SpikeDetector.Step.QUIET);
    // WHEN six more arrive within the same minutes THEN the spike starts at once, the window still open
    counts.add(now, 6);
    SpikeDetector.Reading burst = read(counts, now);
    assertThat(burst.count()).isEqualTo(12);
    assertThat(detector.step(burst, null, false)).isEqualTo(SpikeDetector.Step.START);
    // ... unless the brand rests after a spike
    assertThat(detector.step(burst, null, true)).isEqualTo(SpikeDetector.Step.QUIET);
  }

  @Test
  void theSameHourOfTheWeekIsTheBaselineOnceThereAreWeeksOfHistory() {
    // GIVEN five weeks of 20 negatives per window, every hour
    Instant now = Instant.parse("2026-12-01T10:07:00Z");
    Scripted counts = new Scripted(now.minus(Duration.ofDays(35)))
        .steady(now.minus(Duration.ofDays(35)).truncatedTo(java.time.temporal.ChronoUnit.HOURS),
            now.minus(Duration.ofMinutes(30)), 20);
    SpikeDetector.Baseline baseline = detector.baseline(counts, now);
    assertThat(baseline.source()).isEqualTo(SpikeDetector.BaselineSource.SEASONAL);
    assertThat(baseline.samples()).isEqualTo(36);
    assertThat(baseline.median()).isEqualTo(20.0);
    // WHEN 30 come in the trailing window THEN that is in line for this brand (threshold 20 + 4 x sqrt 20)
    counts.add(now, 30);
    assertThat(detector.read(counts, now, baseline).threshold()).isEqualTo(38);
    assertThat(detector.step(detector.read(counts, now, baseline), null, false)).isEqualTo(SpikeDetector.Step.QUIET);
    // WHEN 15 more come THEN it is a spike
    counts.add(now, 15);
    assertThat(detector.step(detector.read(counts, now, baseline), null, false)).isEqualTo(SpikeDetector.Step.START);
  }

  @Test
  void aPastSpikeInTheHistoryDoesNotRaiseTheBar() {
    // GIVEN four quiet weeks (3 per window) of which one had a crisis of 200 per window at this hour
    Instant now = Instant.parse("2026-12-01T10:07:00Z");
    Scripted counts = new Scripted(now.minus(Duration.ofDays(30)))
        .steady(now.minus(Duration.ofDays(29)), now.minus(Duration.ofMinutes(30)), 3);
    Instant lastWeek = now.minus(Duration.ofDays(7));
    counts.steady(lastWeek.minus(Duration.ofHours(1)), lastWeek.plus(Duration.ofHours(1)), 200);
    // WHEN the baseline is read THEN the median and MAD ignore the crisis week
    SpikeDetector.Baseline baseline = detector.baseline(counts, now);
    assertThat(baseline.median()).isEqualTo(3.0);
    counts.add(now, 12);
    assertThat(detector.step(detector.read(counts, now, baseline), null, false)).isEqualTo(SpikeDetector.Step.START);
  }

  @Test
  void theSameLocalTimeOfTheWeekHoldsAcrossTheChangeOfClocks() {
    // GIVEN a brand busy from 09:15 to 11:00 local time only (20 per window), quiet (2) otherwise, for four weeks
    // before a Monday after the clocks went back (2026-10-25): 10:00 local was 08:00 UTC before, 09:00 UTC after.
    // Read by UTC instead, three of the four weeks would lie an hour late and most of their windows be quiet.
    Instant now = Instant.parse("2026-11-02T09:37:00Z"); // 10:37 in Amsterdam (CET)
    Scripted counts = new Scripted(now.minus(Duration.ofDays(30)))
        .steady(now.minus(Duration.ofDays(30)), now.minus(Duration.ofMinutes(30)), 2);
    for (int week = 1; week <= 4; week++) {
      Instant tenLocal = now.atZone(AMSTERDAM).minusWeeks(week).withHour(10).withMinute(0).toInstant();
      counts.steady(tenLocal.minus(Duration.ofMinutes(45)), tenLocal.plus(Duration.ofMinutes(60)), 18);
    }
    // WHEN the baseline of 10:37 local is read THEN it is the busy hour's, in every week, CEST or CET
    SpikeDetector.Baseline baseline = detector.baseline(counts, now);
    assertThat(baseline.median()).isEqualTo(20.0);
  }

  @Test
  void aSpikeEndsWhenTheCountIsBackInLineAndNotBeforeOneWindow() {
    Instant started = Instant.parse("2026-12-01T10:00:00Z");
    Scripted counts = new Scripted(started.minus(Duration.ofMinutes(5)));
    counts.add(started.minus(Duration.ofMinutes(1)), 30);
    // GIVEN a spike that began a minute ago WHEN the count is still high THEN it goes on
    assertThat(detector.step(read(counts, started), started, false)).isEqualTo(SpikeDetector.Step.GOES_ON);
    // WHEN 20 minutes later the trailing window holds 6 (above median 2 + 2 x 1.41) THEN it still goes on
    Instant later = started.plus(Duration.ofMinutes(20));
    counts.add(later.minus(Duration.ofMinutes(2)), 6);
    assertThat(detector.step(read(counts, later), started, false)).isEqualTo(SpikeDetector.Step.GOES_ON);
    // WHEN 35 minutes later the window holds 2 THEN it ends
    Instant calm = started.plus(Duration.ofMinutes(35));
    counts.add(calm, 2);
    assertThat(detector.step(read(counts, calm), started, false)).isEqualTo(SpikeDetector.Step.END);
  }
}
