package nl.webcare.sentiment;

import nl.webcare.mention.SentimentResult;

/**
 * Scores the sentiment of a text. Blocking and CPU-bound: call it on the scoring worker pool, never
 * on an event loop. Implementations are thread-safe and are built once at start.
 */
public interface SentimentAnalyzer {

  /**
   * Scores one text. Odd input (empty, only a link, only emoji, very long) gets a result, not an
   * exception: empty text is neutral with no sentences, and a long text is scored on a bounded
   * prefix and marked truncated.
   *
   * @throws RuntimeException only when the model itself fails; the caller retries the mention later
   */
  SentimentResult analyze(String text);
}
