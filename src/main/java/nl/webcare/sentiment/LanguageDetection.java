package nl.webcare.sentiment;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Map;

/**
 * Detects the language of a mention with Lingua. Lingua was chosen because it is the most accurate
 * open detector on short, informal text (a tweet, a one-line review), where n-gram profile detectors
 * such as optimaize's guess wrong often; it is restricted to the languages below, whose models alone are
 * shipped, which keeps its memory and the jar small. A text too short or too mixed to tell is "und".
 */
public final class LanguageDetection {
  public static final String UNDETERMINED = "und";
  static final Language[] DETECTED = {
      Language.ENGLISH, Language.DUTCH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.ITALIAN,
      Language.PORTUGUESE, Language.POLISH, Language.TURKISH, Language.ARABIC,
      // the nearest neighbours of what Webcare scores, so that they are named instead of taken for Dutch or
      // English: Afrikaans reads as Dutch without its own model, Slovak as German or Dutch (63 MB of heap both)
      Language.AFRIKAANS, Language.SLOVAK};
  /**
   * Letters Dutch and English are written with (with the accents of Dutch spelling and of loanwords): a text
   * detected as either that has more than a few others (č, ř, ő, ș ...) is in a language Lingua was not given.
   */
  private static final java.util.regex.Pattern FOREIGN_LETTER =
      java.util.regex.Pattern.compile("[\\p{IsLatin}&&[^a-zA-ZàáâäèéêëìíîïòóôöùúûüçñÀÁÂÄÈÉÊËÌÍÎÏÒÓÔÖÙÚÛÜÇÑĳĲ]]");

  private final LanguageDetector detector;

  private LanguageDetection(LanguageDetector detector) {
    this.detector = detector;
  }

  /** Builds the detector and loads its models (about a second): once, at start, off the event loop. */
  public static LanguageDetection load() {
    return new LanguageDetection(LanguageDetectorBuilder.fromLanguages(DETECTED)
        .withMinimumRelativeDistance(0.05)
        .withPreloadedLanguageModels()
        .build());
  }

  /**
   * The language Lingua rates highest even when it is too unsure to name one ("Terrible service, my parcel never
   * came" is English first, French a close second), or {@link #UNDETERMINED} for a text of letters neither Dutch
   * nor English uses when that is where it leans.
   */
  public String leaning(String text) {
    Map<Language, Double> confidence = detector.computeLanguageConfidenceValues(text);
    Language top = confidence.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
        .orElse(Language.UNKNOWN);
    if (top == Language.UNKNOWN || ((top == Language.DUTCH || top == Language.ENGLISH) && foreignLetters(text) > 1)) {
      return UNDETERMINED;
    }
    return top.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
  }

  /** Whether Lingua, even when too unsure to name a language, rates the text more Dutch than English. */
  public boolean moreDutchThanEnglish(String text) {
    Map<Language, Double> confidence = detector.computeLanguageConfidenceValues(text);
    return confidence.getOrDefault(Language.DUTCH, 0.0) > confidence.getOrDefault(Language.ENGLISH, 0.0);
  }

  /**
   * ISO 639-1 code of the text's language, or {@link #UNDETERMINED} when Lingua cannot tell, or when it names
   * Dutch or English for a text written with letters neither uses (a language it was not given).
   */
  public String detect(String text) {
    Language language = detector.detectLanguageOf(text);
    if (language == Language.UNKNOWN) {
      return UNDETERMINED;
    }
    if ((language == Language.DUTCH || language == Language.ENGLISH) && foreignLetters(text) > 1) {
      return UNDETERMINED;
    }
    return language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
  }

  private static long foreignLetters(String text) {
    return FOREIGN_LETTER.matcher(text).results().count();
  }

  /** True when the text has letters at all (not only emoji, emoticons, digits, links' punctuation). */
  public static boolean hasWords(String text) {
    return text.codePoints().anyMatch(Character::isLetter);
  }
}
