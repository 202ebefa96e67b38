package nl.webcare.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rule-based social-media scorer of Hutto and Gilbert (VADER, ICWSM 2014), implemented from the
 * rules they publish: word valences from the lexicon, shifted by boosters and dampeners in the three
 * words before, flipped and damped by a negation in the three words before, strengthened by capitals
 * written for emphasis and by exclamation marks, and weighted towards the clause after a contrast
 * ("but"). The sum is squashed into a compound score in [-1, 1].
 */
public final class LexiconScorer {
  static final double BOOST = 0.293;
  static final double CAPS_BOOST = 0.733;
  static final double NEGATION_SCALE = -0.74;
  static final double EXCLAMATION_BOOST = 0.292;
  static final double NORMALISATION = 15;

  private final SentimentLexicon lexicon;

  public LexiconScorer(SentimentLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /**
   * @param compound score in [-1, 1]
   * @param cues     the words that carried sentiment, with their final valence, e.g. {@code "terrible:-2.5"}
   */
  public record LexiconScore(double compound, List<String> cues) {}

  public LexiconScore score(SocialText.Prepared text) {
    List<SocialText.Token> tokens = text.tokens();
    double[] valences = new double[tokens.size()];
    List<String> cues = new ArrayList<>();
    int lastContrast = -1;
    for (int i = 0; i < tokens.size(); i++) {
      String word = tokens.get(i).word();
      if (lexicon.isContrast(word)) {
        lastContrast = i;
      }
      if (isModifier(word) || tokens.get(i).name()) {
        continue;
      }
      double v = lexicon.valence(word);
      if (v == 0) {
        continue;
      }
      v = modified(tokens, i, v);
      valences[i] = v;
      cues.add(String.format(Locale.ROOT, "%s:%.2f", word, v));
    }
    if (lastContrast >= 0) {
      for (int i = 0; i < valences.length; i++) {
        valences[i] *= i < lastContrast ? 0.5 : 1.5;
      }
    }
    double sum = 0;
    for (double v : valences) {
      sum += v;
    }
    sum += Math.signum(sum) * punctuationEmphasis(text);
    return new LexiconScore(sum / Math.sqrt(sum * sum + NORMALISATION), cues);
  }

  private double modified(List<SocialText.Token> tokens, int i, double valence) {
    double v = valence;
    if (tokens.get(i).shouted()) {
      v += Math.signum(v) * CAPS_BOOST;
    }
    boolean negated = false;
    boolean pastComma = false;
    for (int distance = 1; distance <= 3 && i - distance >= 0; distance++) {
      if (tokens.get(i - distance + 1).afterStop()) {
        break; // "... for nothing. So annoying": the sentence before does not reach into this one
      }
      // "never arrived, terrible": a negation before a comma negates its own clause only (measured:
      // sentiment-models/README.md, 2026-12-07)
      pastComma |= tokens.get(i - distance + 1).afterComma();
      String before = tokens.get(i - distance).word();
      double decay = distance == 1 ? 1 : distance == 2 ? 0.95 : 0.9;
      if (lexicon.isBooster(before)) {
        v += Math.signum(v) * BOOST * decay;
      } else if (lexicon.isDampener(before)) {
        v -= Math.signum(v) * BOOST * decay;
      }
      negated |= lexicon.isNegation(before) && !pastComma;
    }
    // an emoticon says what it says: "isn't working :(" is not a happy face
    return negated && !tokens.get(i).emoticon() ? v * NEGATION_SCALE : v;
  }

  private boolean isModifier(String word) {
    return lexicon.isBooster(word) || lexicon.isDampener(word) || lexicon.isNegation(word) || lexicon.isContrast(word);
  }

  private static double punctuationEmphasis(SocialText.Prepared text) {
    double emphasis = Math.min(text.exclamations(), 4) * EXCLAMATION_BOOST;
    if (text.questions() > 1) {
      emphasis += text.questions() <= 3 ? text.questions() * 0.18 : 0.96;
    }
    return emphasis;
  }
}
