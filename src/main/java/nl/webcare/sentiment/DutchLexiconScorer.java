package nl.webcare.sentiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.webcare.resources.ClasspathResources;

/**
 * Dutch sentiment from the Pattern adjective lexicon (CLiPS, University of Antwerp; polarity -1..1 per
 * word sense, averaged over senses), with Dutch negation ("niet", "geen", "nooit") flipping and
 * intensifiers ("heel", "erg", "zeer", "echt") strengthening the next sentiment word. Emoji count with
 * the valence of their English description in the VADER lexicon. Forms in {@code nl-homographs.txt}
 * ("naar", "laat") carry no polarity. CoreNLP has no Dutch sentiment model.
 */
public final class DutchLexiconScorer {
  static final String LEXICON = "sentiment-models/lexicons/nl-sentiment.xml";
  static final String MODIFIERS = "sentiment-models/lexicons/nl-modifiers.txt";
  static final String ADDITIONS = "sentiment-models/lexicons/nl-additions.txt";
  static final String HOMOGRAPHS = "sentiment-models/lexicons/nl-homographs.txt";
  private static final Pattern WORD_ENTRY = Pattern.compile(
      "<word form=\"([^\"]+)\"[^>]*?polarity=\"(-?[0-9.]+)\"");
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]*");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?\\n]+");
  private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:]+");
  private static final double INTENSIFIER_FACTOR = 1.5;
  private static final String CONTRAST = "maar";
  /** A sentence whose mean polarity reaches this is clearly negative or positive (Pattern's scale, -1..1). */
  private static final double CLEAR_SENTENCE = 0.4;

  private final Map<String, Double> polarity;
  private final Set<String> negations = new HashSet<>();
  private final Set<String> intensifiers = new HashSet<>();
  private final SentimentLexicon english;

  private DutchLexiconScorer(Map<String, Double> polarity, SentimentLexicon english) {
    this.polarity = polarity;
    this.english = english;
  }

  public static DutchLexiconScorer load(SentimentLexicon english) {
    Map<String, double[]> sums = new HashMap<>();
    for (String line : lines(LEXICON)) {
      Matcher m = WORD_ENTRY.matcher(line);
      if (m.find()) {
        double[] sum = sums.computeIfAbsent(m.group(1).toLowerCase(Locale.ROOT), k -> new double[2]);
        sum[0] += Double.parseDouble(m.group(2));
        sum[1]++;
      }
    }
    Map<String, Double> polarity = new HashMap<>();
    sums.forEach((word, sum) -> polarity.put(word, sum[0] / sum[1]));
    for (String line : lines(ADDITIONS)) {
      String[] cells = line.split("\t");
      polarity.putIfAbsent(cells[0].trim().toLowerCase(Locale.ROOT), Double.parseDouble(cells[1].trim()));
    }
    // Forms Pattern lists as adjectives that Dutch mostly uses otherwise ("naar" = "to"): no polarity.
    for (String line : lines(HOMOGRAPHS)) {
      polarity.remove(line.trim().toLowerCase(Locale.ROOT));
    }
    DutchLexiconScorer scorer = new DutchLexiconScorer(polarity, english);
    for (String line : lines(MODIFIERS)) {
      String[] cells = line.split("\t");
      (cells[0].equals("negation") ? scorer.negations : scorer.intensifiers).add(cells[1].trim());
    }
    return scorer;
  }

  /**
   * Polarity in [-1, 1] and the words that carried it: the mean over the sentiment words, or the mean of a
   * clearly negative (else clearly positive) sentence.
   */
  public record DutchScore(double score, List<String> cues) {}

  /** "Nog nooit zo'n slechte service": "nooit" here says how much, not that it is not so. */
  private static final Pattern NEVER_SO = Pattern.compile("(?iu)\\bnog\\s+nooit\\s+zo(?:'n|n|\\s+een)?\\b");

  /** "Eerlijk gezegd" (to be honest) says nothing about honesty: it is no praise. */
  private static final Pattern HONESTLY = Pattern.compile("(?iu)\\beerlijk\\s+gezegd\\b");

  public DutchScore score(String text) {
    text = HONESTLY.matcher(NEVER_SO.matcher(text).replaceAll("heel")).replaceAll(" ");
    List<List<String>> clauses = new ArrayList<>();
    List<Integer> sentenceOf = new ArrayList<>();
    int sentences = 0;
    // A negation or intensifier reaches only within its own clause: "reageert niet. Waardeloos." stays negative.
    for (String sentence : SENTENCE_BREAK.split(text.toLowerCase(Locale.ROOT))) {
      for (String clause : CLAUSE_BREAK.split(sentence)) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(clause);
        while (m.find()) {
          words.add(m.group());
        }
        clauses.add(words);
        sentenceOf.add(sentences);
      }
      sentences++;
    }
    // "Goed bedoeld, maar het werkt niet": as in VADER's "but" rule, what follows the last "maar" weighs
    // 1.5 times, what comes before it half.
    int lastContrast = -1;
    for (int c = 0; c < clauses.size(); c++) {
      if (clauses.get(c).contains(CONTRAST)) {
        lastContrast = c;
      }
    }
    List<String> cues = new ArrayList<>();
    double[] sentenceSum = new double[Math.max(1, sentences)];
    int[] sentenceCount = new int[Math.max(1, sentences)];
    double sum = 0;
    int counted = 0;
    for (int c = 0; c < clauses.size(); c++) {
      double[] clauseSum = scoreClause(clauses.get(c), contrastAt(clauses.get(c), c, lastContrast), cues);
      sum += clauseSum[0];
      counted += (int) clauseSum[1];
      sentenceSum[sentenceOf.get(c)] += clauseSum[0];
      sentenceCount[sentenceOf.get(c)] += (int) clauseSum[1];
    }
    double emoji = emojiValence(text, cues);
    if (emoji != 0) {
      sum += emoji;
      counted++;
    }
    double mean = counted == 0 ? 0 : sum / counted;
    double mostNegative = 0;
    double mostPositive = 0;
    for (int i = 0; i < sentenceSum.length; i++) {
      if (sentenceCount[i] > 0) {
        mostNegative = Math.min(mostNegative, sentenceSum[i] / sentenceCount[i]);
        mostPositive = Math.max(mostPositive, sentenceSum[i] / sentenceCount[i]);
      }
    }
    // As for English, one clearly negative sentence is not averaged away by friendly ones, unless one of
    // them is stronger still ("Fijne winkel, echt geweldig. Wel jammer dat het druk was." stays praise); a
    // clearly positive sentence counts whole when no clearly negative one outweighs it. (Letting a negative
    // sentence win at half the strength of the most positive, as for English, scored the Dutch set 0.006
    // higher but turned praise with a small gripe into a complaint.)
    double score = mean;
    if (-mostNegative >= CLEAR_SENTENCE && -mostNegative >= mostPositive) {
      score = Math.min(mean, mostNegative);
      cues.add(String.format(Locale.ROOT, "sentence:%.2f", mostNegative));
    } else if (mostPositive >= CLEAR_SENTENCE) {
      score = Math.max(mean, mostPositive);
      cues.add(String.format(Locale.ROOT, "sentence:%.2f", mostPositive));
    }
    return new DutchScore(Math.max(-1, Math.min(1, score)), cues);
  }

  /** How many of the text's words the Dutch lexicons give a polarity (emoji not counted). */
  int knownWords(String text) {
    int known = 0;
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      if (sentimentPolarity(m.group()) != null) {
        known++;
      }
    }
    return known;
  }

  /**
   * Where the text's last "maar" falls for clause {@code c}, as an index into its words: words before it
   * weigh half, the rest 1.5 times; -1 when the text has no "maar".
   */
  private static int contrastAt(List<String> words, int c, int lastContrast) {
    if (lastContrast < 0) {
      return -1;
    }
    if (c == lastContrast) {
      return words.lastIndexOf(CONTRAST);
    }
    return c < lastContrast ? words.size() : 0;
  }

  /**
   * The sum of the clause's word polarities and how many words counted. {@code contrastAt}: words before
   * this index come before the text's last "maar" (-1: the text has none).
   */
  private double[] scoreClause(List<String> words, int contrastAt, List<String> cues) {
    double sum = 0;
    int counted = 0;
    for (int i = 0; i < words.size(); i++) {
      Double p = sentimentPolarity(words.get(i));
      if (p == null) {
        continue;
      }
      String word = words.get(i);
      double v = p;
      if (contrastAt >= 0) {
        v *= i < contrastAt ? 0.5 : 1.5;
      }
      for (int distance = 1; distance <= 3 && i - distance >= 0; distance++) {
        String before = words.get(i - distance);
        if (distance == 1 && intensifiers.contains(before)) {
          v *= INTENSIFIER_FACTOR;
        }
        if (negations.contains(before)) {
          v = -v * 0.75;
        }
      }
      cues.add(String.format(Locale.ROOT, "%s:%.2f", word, v));
      sum += v;
      counted++;
    }
    return new double[] {sum, counted};
  }

  /** Whether the lexicon gives this word a sentiment (then it is a verdict, not a topic). */
  boolean carriesSentiment(String word) {
    return sentimentPolarity(word) != null;
  }

  /** The word's polarity when it carries sentiment; null for modifiers and words without polarity. */
  private Double sentimentPolarity(String word) {
    if (intensifiers.contains(word) || negations.contains(word)) {
      return null;
    }
    Double p = polarityOf(word);
    return p == null || p == 0 ? null : p;
  }

  /**
   * The polarity of a word or of its base form: Pattern lists the base adjective ("teleurstellend",
   * "groot", "boos"), running text inflects it with -e ("teleurstellende", "grote", "boze"). Comparatives
   * and superlatives are left alone: stripping "-er" or "-st" finds wrong bases too often ("moest").
   */
  private Double polarityOf(String word) {
    Double p = polarity.get(word);
    if (p != null) {
      return p;
    }
    for (String base : baseForms(word)) {
      p = polarity.get(base);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  /** Candidate base forms of a Dutch adjective inflected with -e, most likely first. */
  static List<String> baseForms(String word) {
    if (word.length() < 4 || !word.endsWith("e")) {
      return List.of();
    }
    String stem = word.substring(0, word.length() - 1);
    int n = stem.length();
    List<String> stems = new ArrayList<>(List.of(stem));
    if (stem.charAt(n - 1) == stem.charAt(n - 2) && !isVowel(stem.charAt(n - 1))) {
      stems.add(stem.substring(0, n - 1)); // "dikke" -> "dik", "natte" -> "nat"
    }
    if (n >= 3 && !isVowel(stem.charAt(n - 1)) && isVowel(stem.charAt(n - 2)) && !isVowel(stem.charAt(n - 3))) {
      // An open syllable spells its long vowel once: "grote" -> "groot".
      stems.add(stem.substring(0, n - 1) + stem.charAt(n - 2) + stem.charAt(n - 1));
    }
    List<String> forms = new ArrayList<>();
    for (String candidate : stems) {
      forms.add(candidate);
      if (candidate.endsWith("v")) {
        forms.add(candidate.substring(0, candidate.length() - 1) + "f"); // "lieve" -> "lief"
      } else if (candidate.endsWith("z")) {
        forms.add(candidate.substring(0, candidate.length() - 1) + "s"); // "boze" -> "boos"
      }
    }
    return forms;
  }

  private static boolean isVowel(char c) {
    return "aeiouy".indexOf(c) >= 0;
  }

  /** Emoji in a Dutch text: the VADER valence of their English descriptions, scaled to -1..1. */
  private double emojiValence(String text, List<String> cues) {
    double total = 0;
    int[] codePoints = text.codePoints().filter(cp -> cp > 0x2000).toArray();
    for (int cp : codePoints) {
      String emoji = new String(Character.toChars(cp));
      String description = english.emojiDescription(emoji);
      if (description == null) {
        continue;
      }
      double v = 0;
      if (english.known(emoji)) {
        v = english.valence(emoji);
      } else {
        for (String word : description.split(" ")) {
          v += english.valence(word);
        }
      }
      if (v != 0) {
        cues.add(String.format(Locale.ROOT, "%s:%.2f", emoji, v / 4));
        total += v / 4;
      }
    }
    return Math.max(-1, Math.min(1, total));
  }

  private static List<String> lines(String resource) {
    return ClasspathResources.lines(resource);
  }
}
