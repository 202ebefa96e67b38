package nl.webcare.mention;

/** Probabilities of the three sentiment classes; they sum to 1 (within rounding). */
public record Probabilities(double negative, double neutral, double positive) {
  public static final Probabilities UNKNOWN = new Probabilities(0, 1, 0);

  /** Collapses CoreNLP's five classes (very negative .. very positive) into three. */
  public static Probabilities fromFiveClasses(double[] p) {
    return new Probabilities(p[0] + p[1], p[2], p[3] + p[4]);
  }

  /** How sharply the decision's shares follow the margins: a score 0.3 past a threshold gives about 0.9. */
  private static final double DECISION_SHARPNESS = 8;

  /**
   * The shares of a decision by thresholds on a score: how far {@code score} lies inside each label's band (at
   * or below {@code -negativeThreshold} negative, at or above {@code positiveThreshold} positive, neutral between),
   * as a softmax of those margins. The largest share is always the label the thresholds give; they are no
   * calibrated probabilities, only how clear the decision was.
   */
  public static Probabilities ofDecision(double score, double negativeThreshold, double positiveThreshold) {
    double negative = -score - negativeThreshold;
    double positive = score - positiveThreshold;
    double neutral = Math.min(score + negativeThreshold, positiveThreshold - score);
    double top = Math.max(negative, Math.max(neutral, positive));
    double n = Math.exp(DECISION_SHARPNESS * (negative - top));
    double u = Math.exp(DECISION_SHARPNESS * (neutral - top));
    double p = Math.exp(DECISION_SHARPNESS * (positive - top));
    double sum = n + u + p;
    return new Probabilities(n / sum, u / sum, p / sum);
  }

  /** For lexicon scores, which have no model distribution: the score's size goes to its side. */
  public static Probabilities fromScore(double score) {
    double s = Math.max(-1, Math.min(1, score));
    return new Probabilities(Math.max(0, -s), 1 - Math.abs(s), Math.max(0, s));
  }
}
