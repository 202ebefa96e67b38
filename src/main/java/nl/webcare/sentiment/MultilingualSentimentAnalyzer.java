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
  private final int maxTextChars;

  private MultilingualSentimentAnalyzer(LanguageDetection languages, SocialSentimentAnalyzer english,
      DutchSentimentAnalyzer dutch, int maxTextChars) {
    this.maxTextChars = maxTextChars;
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
        new DutchSentimentAnalyzer(DutchLexiconScorer.load(words), TriageCues.load("nl"), CombinationSettings.load("nl")),
        maxTextChars);
  }

  /**
   * A long text is cut here, once, to {@code scoring.maxTextChars}: every later step (language, lexicon, cues,
   * CoreNLP) then works on the same bounded prefix, and the result says it was truncated.
   */
  @Override
  public SentimentResult analyze(String text) {
    String safe = text == null ? "" : text;
    boolean cut = safe.length() > maxTextChars;
    String bounded = cut ? safe.substring(0, maxTextChars) : safe;
    String language = languages.detect(CueText.of(bounded.length() > 2000 ? bounded.substring(0, 2000) : bounded));
    SentimentResult result = switch (language) {
      case "en", LanguageDetection.UNDETERMINED -> english.analyze(bounded);
      case "nl" -> dutch.analyze(bounded);
      default -> SentimentResult.unscored(language);
    };
    return new SentimentResult(result.label(), result.score(), result.probabilities(), language, result.sentences(),
        result.cues(), result.truncated() || cut);
  }
}
