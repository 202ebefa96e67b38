package nl.webcare.analytics.spikes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One look at a brand: the trailing window's reading over all its channels and on each channel that had negative
 * mentions in it, the spikes going on, the scopes resting after one, and the negative mentions of the last window.
 *
 * @param readings  per scope ({@link Spike#ALL} or a channel)
 * @param active    per scope, the spike going on
 * @param cooling   scopes that rest after a spike
 * @param recent    the negative mentions of the trailing window and before, newest first
 */
public record Observation(String brand, Instant at, Map<String, SpikeDetector.Reading> readings,
    Map<String, Spike> active, Set<String> cooling, List<NegativeMention> recent) {

  /** A negative mention as the detector keeps it: no text, no author. */
  public record NegativeMention(String channel, String mentionId, List<String> aspects, Instant at) {}

  /** The negative mentions of a scope published at or after {@code from}, newest first. */
  public List<NegativeMention> in(String scope, Instant from) {
    return recent.stream().filter(m -> !m.at().isBefore(from))
        .filter(m -> Spike.ALL.equals(scope) || scope.equals(m.channel())).toList();
  }
}
