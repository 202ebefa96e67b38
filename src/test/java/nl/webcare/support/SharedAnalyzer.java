package nl.webcare.support;

import nl.webcare.sentiment.CoreNlpSentimentAnalyzer;
import nl.webcare.sentiment.MultilingualSentimentAnalyzer;

/** One analyzer of each kind for the whole test run: loading the models takes seconds. */
public final class SharedAnalyzer {
  private static MultilingualSentimentAnalyzer service;
  private static CoreNlpSentimentAnalyzer coreNlp;

  private SharedAnalyzer() {}

  /** The analyzer the service runs: language detection, English and Dutch. */
  public static synchronized MultilingualSentimentAnalyzer get() {
    if (service == null) {
      service = MultilingualSentimentAnalyzer.load(4000);
    }
    return service;
  }

  /** Plain CoreNLP sentence sentiment, without social-media cues. */
  public static synchronized CoreNlpSentimentAnalyzer coreNlp() {
    if (coreNlp == null) {
      coreNlp = CoreNlpSentimentAnalyzer.load(4000);
    }
    return coreNlp;
  }
}
