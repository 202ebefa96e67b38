package nl.webcare.sentiment;

import nl.webcare.mention.SentimentResult;

/**
 * Webcare's analyzer: detects the language, scores English with CoreNLP and social-media cues, Dutch
 * with the Dutch lexicon and cues, and marks any other language {@code unscored} with its code rather
 * than scoring it as English. A text too short to tell is Dutch or English when its words and Lingua's leaning
 * agree ({@link #shortTextLanguage}); else it is {@code unscored} with the language "und". A text without words
 * (only emoji or emoticons) keeps "und" and is scored by the emoji and emoticon lexicon.
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
    String detectable = CueText.of(bounded.length() > 2000 ? bounded.substring(0, 2000) : bounded);
    String language = languages.detect(detectable);
    if (LanguageDetection.UNDETERMINED.equals(language)) {
      language = shortTextLanguage(bounded, detectable);
    }
    SentimentResult result = switch (language) {
      case "en" -> english.analyze(bounded);
      case "nl" -> dutch.analyze(bounded);
      // a text without words (emoji, emoticons) belongs to no language: the emoji lexicon scores it. One with
      // words in a language that could not be told is not guessed at.
      case LanguageDetection.UNDETERMINED -> LanguageDetection.hasWords(CueText.of(bounded))
          ? SentimentResult.unscored(language) : english.analyze(bounded);
      default -> SentimentResult.unscored(language);
    };
    return new SentimentResult(result.label(), result.score(), result.probabilities(), language, result.sentences(),
        result.cues(), result.truncated() || cut, result.phrases());
  }

  /**
   * A text too short or too mixed for Lingua to name its language is Dutch or English when two things agree: the
   * words are that language's (its lexicons and cues know more of them than the other's), and Lingua rates that
   * language highest. "Bedankt!" and "Waardeloos" are Dutch; "Terrible service, my parcel never came" English
   * (French cognates keep Lingua from naming it); "Grill & Bar" is not Dutch (Lingua leans English). Else "und".
   */
  private String shortTextLanguage(String bounded, String detectable) {
    int dutchWords = dutch.evidence(bounded);
    int englishWords = english.knownWords(bounded);
    if (dutchWords > englishWords && languages.moreDutchThanEnglish(detectable)) {
      return "nl";
    }
    if (englishWords > dutchWords && "en".equals(languages.leaning(detectable))) {
      return "en";
    }
    return LanguageDetection.UNDETERMINED;
  }
}
