package nl.webcare.mention;

import java.util.List;

/**
 * What the analyzer says about one text.
 *
 * @param label     overall label
 * @param score     overall score in [-1, 1]; negative is bad news
 * @param sentences per-sentence classes in text order
 * @param truncated true when only a bounded prefix of a long text was scored
 */
public record SentimentResult(SentimentLabel label, double score, List<SentenceSentiment> sentences, boolean truncated) {
  public SentimentResult {
    sentences = List.copyOf(sentences);
    if (score < -1 || score > 1) {
      throw new IllegalArgumentException("score out of [-1, 1]: " + score);
    }
  }
}
