package nl.webcare.analytics.spikes;

import java.time.Instant;
import java.util.List;

/**
 * A burst of negative mentions about a brand, over all its channels ({@code scope} {@link #ALL}) or on one
 * channel: when it began and ended, the window that set it off with its count and baseline, the highest count
 * while it lasted, what it is about (the aspects most named in its window) and mentions to read.
 *
 * @param endedAt          null while it goes on
 * @param incidentCaseId   the crisis case it opened, or null
 */
public record Spike(String id, String brand, String scope, Instant startedAt, Instant endedAt, Instant windowStart,
    Instant windowEnd, long count, long peak, double baseline, long threshold, String baselineSource,
    List<String> aspects, List<String> examples, String incidentCaseId) {
  /** The scope of a spike over all of a brand's channels. */
  public static final String ALL = "all";

  public Spike {
    aspects = List.copyOf(aspects);
    examples = List.copyOf(examples);
  }

  public boolean active() {
    return endedAt == null;
  }

  /** The channel it is on, or null when it is over all channels. */
  public String channel() {
    return ALL.equals(scope) ? null : scope;
  }

  /** The name of what is watched: {@code brand|scope}. */
  public String key() {
    return brand + "|" + scope;
  }
}
