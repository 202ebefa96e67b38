package nl.webcare.worklist;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a case keeps of its own handling, written by each move in the move's own script (so it is exact however
 * moves interleave): how often we replied, how often it was reopened, escalated and handed off, and how long each
 * agent actually held it (from claiming to replying, resolving, releasing or putting it away; nothing is counted
 * while it waits for the customer or is snoozed). First-contact resolution: resolved after one reply, and not
 * reopened within {@link #REOPEN_WINDOW} of that first resolution.
 *
 * @param heldMs                   per agent, the milliseconds they held it
 * @param heldSince                when the holder's clock started, null while nobody works on it
 * @param firstResolvedAt          when it was first resolved, null before
 * @param repliesAtFirstResolution our replies when it was first resolved, null before
 * @param reopenedWithinWindow     reopened within {@link #REOPEN_WINDOW} of its first resolution
 */
public record CaseFigures(int replies, int reopens, int escalations, int handoffs, Map<String, Long> heldMs,
    Instant heldSince, Instant firstResolvedAt, Integer repliesAtFirstResolution, boolean reopenedWithinWindow) {
  public static final Duration REOPEN_WINDOW = Duration.ofDays(7);
  public static final CaseFigures NONE = new CaseFigures(0, 0, 0, 0, Map.of(), null, null, null, false);

  public CaseFigures {
    heldMs = Map.copyOf(new TreeMap<>(heldMs));
  }

  /** The time all agents together held it. */
  public Duration handleTime() {
    return Duration.ofMillis(heldMs.values().stream().mapToLong(Long::longValue).sum());
  }

  /** First-contact resolution: null while the case was never resolved. */
  public Boolean firstContactResolution() {
    if (firstResolvedAt == null) {
      return null;
    }
    return repliesAtFirstResolution != null && repliesAtFirstResolution == 1 && !reopenedWithinWindow;
  }
}
