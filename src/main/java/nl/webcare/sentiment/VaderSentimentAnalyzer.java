package nl.webcare.sentiment;

import java.util.List;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;

/**
 * The VADER rules alone, with VADER's published thresholds (compound at or beyond ±0.05): the baseline
 * that {@code evaluate --scorer vader} measures Webcare against. Not used by the service.
 */
public final class VaderSentimentAnalyzer implements SentimentAnalyzer {
  static final double THRESHOLD = 0.05;

  private final SocialText socialText;
  private final LexiconScorer scorer;

  public VaderSentimentAnalyzer(SentimentLexicon lexicon) {
    this.socialText = new SocialText(lexicon);
    this.scorer = new LexiconScorer(lexicon);
  }

  public static VaderSentimentAnalyzer load() {
    return new VaderSentimentAnalyzer(SentimentLexicon.loadPublished());
  }

  @Override
  public SentimentResult analyze(String text) {
    LexiconScorer.LexiconScore score = scorer.score(socialText.prepare(text == null ? "" : text));
    double compound = score.compound();
    SentimentLabel label = compound <= -THRESHOLD ? SentimentLabel.NEGATIVE
        : compound >= THRESHOLD ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
    return new SentimentResult(label, compound, Probabilities.ofDecision(compound, THRESHOLD, THRESHOLD), "en", List.of(), score.cues(), false);
  }
}
