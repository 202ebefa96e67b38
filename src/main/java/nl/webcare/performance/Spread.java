package nl.webcare.performance;

import java.time.Duration;
import java.util.List;

/** How long something took over a number of cases: how many, the median and the 90th percentile (nearest rank). */
public record Spread(int cases, Duration median, Duration p90) {
  public static final Spread NONE = new Spread(0, null, null);

  public static Spread of(List<Duration> durations) {
    if (durations.isEmpty()) {
      return NONE;
    }
    List<Duration> sorted = durations.stream().sorted().toList();
    return new Spread(sorted.size(), rank(sorted, 0.5), rank(sorted, 0.9));
  }

  /** The nearest-rank percentile: the smallest value with at least {@code q} of the values at or below it. */
  static Duration rank(List<Duration> sorted, double q) {
    int index = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
