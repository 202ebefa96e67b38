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
import nl.webcare.config.ClasspathResources;

/**
 * Dutch sentiment from the Pattern adjective lexicon (CLiPS, University of Antwerp; polarity -1..1 per
 * word sense, averaged over senses), with Dutch negation ("niet", "geen", "nooit") flipping and
 * intensifiers ("heel", "erg", "zeer", "echt") strengthening the next sentiment word. Emoji count with
 * the valence of their English description in the VADER lexicon. CoreNLP has no Dutch sentiment model.
 */
public final class DutchLexiconScorer {
  static final String LEXICON = "sentiment-models/lexicons/nl-sentiment.xml";
  static final String MODIFIERS = "sentiment-models/lexicons/nl-modifiers.txt";
  static final String ADDITIONS = "sentiment-models/lexicons/nl-additions.txt";
  private static final Pattern WORD_ENTRY = Pattern.compile(
      "<word form=\"([^\"]+)\"[^>]*?polarity=\"(-?[0-9.]+)\"");
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]*");
  private static final Pattern CLAUSE_BREAK = Pattern.compile("[.,;:!?\\n]+");
  private static final double INTENSIFIER_FACTOR = 1.5;

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
    DutchLexiconScorer scorer = new DutchLexiconScorer(polarity, english);
    for (String line : lines(MODIFIERS)) {
      String[] cells = line.split("\t");
      (cells[0].equals("negation") ? scorer.negations : scorer.intensifiers).add(cells[1].trim());
    }
    return scorer;
  }

  /** Mean polarity of the sentiment words in [-1, 1], and the words that carried it. */
  public record DutchScore(double score, List<String> cues) {}

  public DutchScore score(String text) {
    List<String> cues = new ArrayList<>();
    double sum = 0;
    int counted = 0;
    // A negation or intensifier reaches only within its own clause: "reageert niet. Waardeloos." stays negative.
    for (String clause : CLAUSE_BREAK.split(text.toLowerCase(Locale.ROOT))) {
      double[] clauseSum = scoreClause(clause, cues);
      sum += clauseSum[0];
      counted += (int) clauseSum[1];
    }
    double emoji = emojiValence(text, cues);
    if (emoji != 0) {
      sum += emoji;
      counted++;
    }
    double score = counted == 0 ? 0 : Math.max(-1, Math.min(1, sum / counted));
    return new DutchScore(score, cues);
  }

  /** The sum of the clause's word polarities and how many words counted. */
  private double[] scoreClause(String clause, List<String> cues) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(clause);
    while (m.find()) {
      words.add(m.group());
    }
    double sum = 0;
    int counted = 0;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      Double p = polarity.get(word);
      if (p == null || p == 0 || intensifiers.contains(word) || negations.contains(word)) {
        continue;
      }
      double v = p;
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
