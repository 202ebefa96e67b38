package nl.webcare.sentiment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.webcare.resources.ClasspathResources;

/**
 * The English lexicons from {@code sentiment-models/lexicons}: word valences (VADER, -4..4), emoji
 * descriptions, and the modifier words (negations, boosters, dampeners, contrasts). Loaded once.
 */
public final class SentimentLexicon {
  static final String VADER = "sentiment-models/lexicons/vader_lexicon.txt";
  static final String EMOJI = "sentiment-models/lexicons/emoji_utf8_lexicon.txt";
  static final String MODIFIERS = "sentiment-models/lexicons/en-modifiers.txt";
  static final String ADDITIONS = "sentiment-models/lexicons/en-additions.txt";

  private final Map<String, Double> valences;
  private final Map<String, String> emoji;
  private final Set<String> negations = new HashSet<>();
  private final Set<String> boosters = new HashSet<>();
  private final Set<String> dampeners = new HashSet<>();
  private final Set<String> contrasts = new HashSet<>();

  private SentimentLexicon(Map<String, Double> valences, Map<String, String> emoji) {
    this.valences = valences;
    this.emoji = emoji;
  }

  /** VADER's lexicon with Webcare's additions (emoji valences, care-context words): what the service uses. */
  public static SentimentLexicon load() {
    return load(true);
  }

  /** VADER's lexicon as published, without Webcare's additions: the baseline {@code --scorer vader} measures. */
  public static SentimentLexicon loadPublished() {
    return load(false);
  }

  private static SentimentLexicon load(boolean withAdditions) {
    Map<String, Double> valences = new HashMap<>();
    readTsv(VADER, cells -> valences.put(cells[0], Double.parseDouble(cells[1])));
    if (withAdditions) {
      readTsv(ADDITIONS, cells -> valences.put(cells[0], Double.parseDouble(cells[1])));
    }
    Map<String, String> emoji = new HashMap<>();
    readTsv(EMOJI, cells -> emoji.put(cells[0], cells[1]));
    SentimentLexicon lexicon = new SentimentLexicon(valences, emoji);
    readTsv(MODIFIERS, cells -> lexicon.setOf(cells[0]).add(cells[1]));
    return lexicon;
  }

  private Set<String> setOf(String kind) {
    return switch (kind) {
      case "negation" -> negations;
      case "booster" -> boosters;
      case "dampener" -> dampeners;
      case "contrast" -> contrasts;
      default -> throw new IllegalStateException(MODIFIERS + ": unknown kind " + kind);
    };
  }

  /** Valence of a lower-case word or emoticon, 0 when unknown. */
  double valence(String token) {
    return valences.getOrDefault(token, 0.0);
  }

  boolean known(String token) {
    return valences.containsKey(token);
  }

  /** The words that describe an emoji (e.g. "pouting face"), or null. */
  String emojiDescription(String emojiText) {
    return emoji.get(emojiText);
  }

  boolean isNegation(String word) {
    return negations.contains(word) || word.endsWith("n't");
  }

  boolean isBooster(String word) {
    return boosters.contains(word);
  }

  boolean isDampener(String word) {
    return dampeners.contains(word);
  }

  boolean isContrast(String word) {
    return contrasts.contains(word);
  }

  private static void readTsv(String resource, java.util.function.Consumer<String[]> row) {
    for (String line : ClasspathResources.lines(resource)) {
      String[] cells = line.split("	");
      if (cells.length >= 2) {
        cells[0] = cells[0].trim().toLowerCase(Locale.ROOT);
        row.accept(cells);
      }
    }
  }
}
