package nl.webcare.worklist;

import java.time.Instant;
import java.util.List;

/**
 * A burst of negative mentions about a brand, as one crisis case in a lead's queue: opened once per spike, with
 * the spike's example mentions as its mentions, so that whoever opens it reads what set it off.
 *
 * @param channel     the channel the spike is on, or null when it is over all channels
 * @param summary     one line for the alert and the history ("31 negative mentions in 15 min, expected 3")
 * @param mentionIds  the spike's example mentions, newest first; at least one
 * @param priority    its sort key in the worklist (urgency 1, waiting since the spike began)
 */
public record Incident(String spikeId, String brand, String channel, String team, String summary,
    List<String> mentionIds, long priority, Instant startedAt) {
  public Incident {
    mentionIds = List.copyOf(mentionIds);
    if (mentionIds.isEmpty()) {
      throw new IllegalArgumentException("an incident needs at least one mention to show");
    }
  }
}
