package nl.webcare.analytics.spikes;

import java.time.Instant;

/**
 * Negative mentions per minute of one brand, over all its channels or on one: what the spike detector reads. Read
 * from Redis in production and from a synthetic series by the replay benchmark.
 */
public interface MinuteCounts {
  /** {@code counts[i]}: the negative mentions published in the minute that starts {@code i} minutes after {@code from}. */
  long[] perMinute(Instant from, int minutes);

  /** When counting began: a minute before it is no history (a new installation has not seen it), not a zero. */
  Instant since();
}
