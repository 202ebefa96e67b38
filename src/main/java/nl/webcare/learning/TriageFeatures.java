package nl.webcare.learning;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.triage.MentionAssessor;

/**
 * What the learned layer sees of a mention: its word 1- and 2-grams and character 2- to 5-grams, hashed into
 * {@link #DIMENSIONS} columns (no vocabulary to keep: a new word of the team's brand needs no rebuild), the n-grams
 * weighted by count and scaled to unit length; and beside them the rules' evidence, so that the model adds to what
 * the rules know instead of starting over: the combined sentiment score, the label, the rules' verdict on needing a
 * reply, the triage class, the urgency and how many cues of each kind fired.
 */
public final class TriageFeatures {
  /** Hashed n-gram columns (2^20); the rules' evidence follows them. */
  public static final int DIMENSIONS = 1 << 20;
  private static final String[] EVIDENCE = {"score", "negative", "positive", "neutral", "rulesNeedReply", "crisis",
      "complaint", "question", "praise", "urgency", "cue:complaint", "cue:crisis", "cue:question", "cue:help",
      "cue:praise"};

  private TriageFeatures() {}

  /** Every column a model may have: the hashed n-grams and the evidence. */
  public static int columns() {
    return DIMENSIONS + EVIDENCE.length;
  }

  public static Feature[] of(String text, MentionAssessor.Assessment a) {
    Map<Integer, Double> grams = new TreeMap<>();
    String lower = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("https?://\\S+", " url ")
        .replaceAll("@\\w+", " @user ");
    List<String> words = new ArrayList<>();
    for (String w : lower.split("[^\\p{L}\\p{N}@#']+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    for (int i = 0; i < words.size(); i++) {
      add(grams, "w:" + words.get(i));
      if (i + 1 < words.size()) {
        add(grams, "b:" + words.get(i) + " " + words.get(i + 1));
      }
    }
    for (String w : words) {
      String padded = " " + w + " ";
      for (int n = 2; n <= 5; n++) {
        for (int i = 0; i + n <= padded.length(); i++) {
          add(grams, "c:" + padded.substring(i, i + n));
        }
      }
    }
    double norm = Math.sqrt(grams.values().stream().mapToDouble(v -> v * v).sum());
    List<Feature> out = new ArrayList<>(grams.size() + EVIDENCE.length);
    grams.forEach((index, count) -> out.add(new FeatureNode(index, count / (norm == 0 ? 1 : norm))));
    double[] evidence = evidence(a);
    for (int i = 0; i < evidence.length; i++) {
      if (evidence[i] != 0) {
        out.add(new FeatureNode(DIMENSIONS + 1 + i, evidence[i]));
      }
    }
    return out.toArray(Feature[]::new);
  }

  private static double[] evidence(MentionAssessor.Assessment a) {
    double[] e = new double[EVIDENCE.length];
    var s = a.scored().sentiment();
    var d = a.decision();
    e[0] = s.score();
    e[1] = s.label() == SentimentLabel.NEGATIVE ? 1 : 0;
    e[2] = s.label() == SentimentLabel.POSITIVE ? 1 : 0;
    e[3] = s.label() == SentimentLabel.NEUTRAL ? 1 : 0;
    e[4] = d.needsReply() ? 1 : 0;
    String c = d.triageClass().wire();
    e[5] = "crisis".equals(c) ? 1 : 0;
    e[6] = "complaint".equals(c) ? 1 : 0;
    e[7] = "question".equals(c) ? 1 : 0;
    e[8] = "praise".equals(c) ? 1 : 0;
    e[9] = d.urgency();
    for (String reason : d.reasons()) {
      int colon = reason.indexOf(':');
      String kind = colon < 0 ? reason : reason.substring(0, colon);
      switch (kind) {
        case "complaint" -> e[10]++;
        case "crisis" -> e[11]++;
        case "question" -> e[12]++;
        case "help" -> e[13]++;
        case "praise" -> e[14]++;
        default -> { }
      }
    }
    return e;
  }

  /** A stable column for an n-gram (FNV-1a over its UTF-8 bytes; the same in every process and version). */
  private static void add(Map<Integer, Double> grams, String gram) {
    int hash = 0x811C9DC5;
    for (byte b : gram.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= 0x01000193;
    }
    grams.merge((hash & (DIMENSIONS - 1)) + 1, 1.0, Double::sum);
  }
}
