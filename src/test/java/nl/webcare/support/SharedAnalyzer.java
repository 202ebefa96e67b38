package nl.webcare.support;

import nl.webcare.sentiment.CoreNlpSentimentAnalyzer;

/** One CoreNLP analyzer for the whole test run: loading the models takes seconds. */
public final class SharedAnalyzer {
  private static CoreNlpSentimentAnalyzer analyzer;

  private SharedAnalyzer() {}

  public static synchronized CoreNlpSentimentAnalyzer get() {
    if (analyzer == null) {
      analyzer = CoreNlpSentimentAnalyzer.load(4000);
    }
    return analyzer;
  }
}
