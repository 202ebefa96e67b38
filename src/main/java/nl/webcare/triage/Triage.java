package nl.webcare.triage;

import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;

/**
 * Decides whether a scored mention needs a reply and how urgent it is.
 *
 * <p>A mention needs a reply when its text is negative, or when it is a review of one or two stars
 * whatever the text says (a one-star "ok." is still an unhappy customer).
 *
 * <p>Urgency in [0, 1] weighs the negativity of the text and, for reviews, the missing stars. The
 * worklist's priority puts urgency first, in steps of 0.01, and the publication time second, so among
 * equally urgent cases the newest comes first.
 */
public final class Triage {
  private static final double STAR_WEIGHT = 0.4;
  /** Larger than any epoch second before the year 2286, so urgency always outranks time. */
  private static final long URGENCY_STEP = 10_000_000_000L;

  private Triage() {}

  public record Decision(boolean needsReply, double urgency, long priority) {}

  public static Decision decide(ScoredMention scored) {
    double negativity = Math.max(0, -scored.sentiment().score());
    Integer rating = scored.mention().rating();
    boolean lowStars = rating != null && rating <= 2;
    boolean needsReply = scored.sentiment().label() == SentimentLabel.NEGATIVE || lowStars;
    double urgency = rating == null ? negativity
        : (1 - STAR_WEIGHT) * negativity + STAR_WEIGHT * (5 - rating) / 4.0;
    if (lowStars) {
      // A low rating alone is already a complaint: never let a mild text put it below other complaints.
      urgency = Math.max(urgency, 0.5);
    }
    urgency = Math.max(0, Math.min(1, urgency));
    return new Decision(needsReply, urgency, priority(urgency, scored.mention().publishedAt().getEpochSecond()));
  }

  /** Urgency bucket (0..100) times a step above any epoch second, plus the epoch second: exact in a double. */
  static long priority(double urgency, long epochSecond) {
    long bucket = Math.round(urgency * 100);
    return bucket * URGENCY_STEP + Math.max(0, epochSecond);
  }
}
