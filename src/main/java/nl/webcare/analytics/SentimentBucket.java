package nl.webcare.analytics;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * One time bucket of a brand's mentions: how many per label, their summed score and reach, and how triage
 * classed them. Net sentiment is (positive - negative) / total, from -1 to 1; an empty bucket is all zeros.
 */
public record SentimentBucket(ZonedDateTime start, ZonedDateTime end, long positive, long neutral, long negative,
    double scoreSum, long reach, Map<String, Long> triage) {

  public SentimentBucket {
    triage = Map.copyOf(new TreeMap<>(triage));
  }

  public long total() {
    return positive + neutral + negative;
  }

  public double net() {
    return total() == 0 ? 0 : (double) (positive - negative) / total();
  }

  public double meanScore() {
    return total() == 0 ? 0 : scoreSum / total();
  }

  /** This bucket and another (of the same span) added together. */
  public SentimentBucket plus(SentimentBucket other) {
    Map<String, Long> t = new TreeMap<>(triage);
    other.triage.forEach((k, v) -> t.merge(k, v, Long::sum));
    return new SentimentBucket(start, other.end, positive + other.positive, neutral + other.neutral,
        negative + other.negative, scoreSum + other.scoreSum, reach + other.reach, t);
  }
}
