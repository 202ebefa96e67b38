package nl.webcare.mention;

import java.util.List;

/**
 * What the analyzer says about one text.
 *
 * @param label         overall label
 * @param score         overall score in [-1, 1]; negative is bad news (0 when unscored)
 * @param probabilities the shares of the label's decision: the trained classifier's distribution where it decides,
 *                      else how clearly the combined score lies in each label's band; the largest is the label
 * @param language      ISO 639-1 code detected, or "und" when it could not be told
 * @param sentences     CoreNLP's per-sentence classes in text order (empty for other languages)
 * @param cues          why: the lexicon words, emoji and phrases that fired, e.g. "terrible:-2.50"
 * @param truncated     true when only a bounded prefix of a long text was scored
 * @param phrases       what the text is about beyond the aspect lists (English noun phrases of the parse, Dutch
 *                      content words), for the marketing topics: counted, not stored with the mention
 */
public record SentimentResult(
    SentimentLabel label,
    double score,
    Probabilities probabilities,
    String language,
    List<SentenceSentiment> sentences,
    List<String> cues,
    boolean truncated,
    List<String> phrases) {

  public SentimentResult {
    sentences = List.copyOf(sentences);
    cues = List.copyOf(cues);
    phrases = phrases == null ? List.of() : List.copyOf(phrases);
    if (score < -1 || score > 1) {
      throw new IllegalArgumentException("score out of [-1, 1]: " + score);
    }
  }

  /** Without phrases (an analyzer that finds none, or a stored mention read back). */
  public SentimentResult(SentimentLabel label, double score, Probabilities probabilities, String language,
      List<SentenceSentiment> sentences, List<String> cues, boolean truncated) {
    this(label, score, probabilities, language, sentences, cues, truncated, List.of());
  }

  /** The same verdict about these phrases. */
  public SentimentResult withPhrases(List<String> found) {
    return new SentimentResult(label, score, probabilities, language, sentences, cues, truncated, found);
  }

  public static SentimentResult unscored(String language) {
    return new SentimentResult(SentimentLabel.UNSCORED, 0, Probabilities.UNKNOWN, language, List.of(), List.of(), false);
  }
}
