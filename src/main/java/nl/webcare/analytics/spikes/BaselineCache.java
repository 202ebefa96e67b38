package nl.webcare.analytics.spikes;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Baselines kept for five minutes per brand and scope: a baseline reads four weeks of minutes and hardly moves
 * in five, while the trailing count is read at every check.
 */
public final class BaselineCache {
  private static final long SLOT_MS = 5 * 60_000L;
  private record Kept(long slot, SpikeDetector.Baseline baseline) {}
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  SpikeDetector.Baseline get(String key, Instant now, java.util.function.Supplier<SpikeDetector.Baseline> compute) {
    long slot = now.toEpochMilli() / SLOT_MS;
    Kept k = kept.get(key);
    if (k == null || k.slot() != slot) {
      kept.values().removeIf(old -> old.slot() < slot - 1); // brands no longer watched
      k = new Kept(slot, compute.get());
      kept.put(key, k);
    }
    return k.baseline();
  }

}
