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
 * @param surveySentAt             when a satisfaction survey went out with a closing reply, null when none did
 * @param satisfaction             the customer's answer to it, null before (or without) one
 * @param recovery                 the customer's own tone before the case and after it, once measured
 */
public record CaseFigures(int replies, int reopens, int escalations, int handoffs, Map<String, Long> heldMs,
    Instant heldSince, Instant firstResolvedAt, Integer repliesAtFirstResolution, boolean reopenedWithinWindow,
    Instant surveySentAt, Satisfaction satisfaction, Recovery recovery) {
  public static final Duration REOPEN_WINDOW = Duration.ofDays(7);
  public static final CaseFigures NONE = new CaseFigures(0, 0, 0, 0, Map.of(), null, null, null, false, null, null,
      null);

  /**
   * The customer's public tone about the brand in a window before the case and after its resolution: the mean
   * sentiment score of their mentions (-1..1; null when there were none), how many mentions came after, and
   * whether one of those was negative again (they came back with a complaint).
   */
  public record Recovery(Double before, Double after, int mentionsAfter, boolean cameBack, Instant measuredAt) {
    /** No later mentions: not known whether the customer is happier, never counted as recovered. */
    public boolean known() {
      return before != null && after != null && mentionsAfter > 0;
    }

    public Double change() {
      return known() ? after - before : null;
    }
  }

  /** A survey answer: 1 (very unhappy) to 5 (very happy), and what the customer wrote (personal data; may be null). */
  public record Satisfaction(int score, String comment, Instant at) {}

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
