package nl.webcare.sentiment;

import nl.webcare.mention.SentimentResult;
import nl.webcare.triage.TriageCues;

/**
 * Webcare's analyzer: detects the language, scores English with CoreNLP and social-media cues, Dutch
 * with the Dutch lexicon and cues, and marks any other language {@code unscored} with its code rather
 * than scoring it as English. A text too short to tell (a few words, only emoji) is scored as English,
 * whose lexicon also covers emoji and emoticons; it keeps the language "und".
 */
public final class MultilingualSentimentAnalyzer implements SentimentAnalyzer {
  private final LanguageDetection languages;
  private final SocialSentimentAnalyzer english;
  private final DutchSentimentAnalyzer dutch;

  private MultilingualSentimentAnalyzer(LanguageDetection languages, SocialSentimentAnalyzer english,
      DutchSentimentAnalyzer dutch) {
    this.languages = languages;
    this.english = english;
    this.dutch = dutch;
  }

  /** Loads every model and lexicon (seconds): once, at start, off the event loop. */
  public static MultilingualSentimentAnalyzer load(int maxTextChars) {
    SentimentLexicon words = SentimentLexicon.load();
    return new MultilingualSentimentAnalyzer(LanguageDetection.load(),
        new SocialSentimentAnalyzer(CoreNlpSentimentAnalyzer.load(maxTextChars), words, TriageCues.load("en"),
            CombinationSettings.load("en"), CombinationSettings.useClassifier("en") ? TrainedSentimentClassifier.loadShipped() : null),
        new DutchSentimentAnalyzer(DutchLexiconScorer.load(words), TriageCues.load("nl"), CombinationSettings.load("nl")));
  }

  @Override
  public SentimentResult analyze(String text) {
    String safe = text == null ? "" : text;
    String language = languages.detect(CueText.of(safe.length() > 2000 ? safe.substring(0, 2000) : safe));
    return switch (language) {
      case "en" -> english.analyze(safe);
      case "nl" -> dutch.analyze(safe);
      case LanguageDetection.UNDETERMINED -> withLanguage(english.analyze(safe), LanguageDetection.UNDETERMINED);
      default -> SentimentResult.unscored(language);
    };
  }

  private static SentimentResult withLanguage(SentimentResult result, String language) {
    return new SentimentResult(result.label(), result.score(), result.probabilities(), language, result.sentences(),
        result.cues(), result.truncated());
  }
}
