package nl.webcare.mention;

/** Probabilities of the three sentiment classes; they sum to 1 (within rounding). */
public record Probabilities(double negative, double neutral, double positive) {
  public static final Probabilities UNKNOWN = new Probabilities(0, 1, 0);

  /** Collapses CoreNLP's five classes (very negative .. very positive) into three. */
  public static Probabilities fromFiveClasses(double[] p) {
    return new Probabilities(p[0] + p[1], p[2], p[3] + p[4]);
  }

  /** For lexicon scores, which have no model distribution: the score's size goes to its side. */
  public static Probabilities fromScore(double score) {
    double s = Math.max(-1, Math.min(1, score));
    return new Probabilities(Math.max(0, -s), 1 - Math.abs(s), Math.max(0, s));
  }
}
