package nl.webcare.triage;

import java.time.Instant;
import nl.webcare.mention.Mention;
import nl.webcare.mention.ScoredMention;
import nl.webcare.sentiment.SentimentAnalyzer;

/**
 * Scores a mention and decides whether it needs a reply: the one code path shared by the scorer workers
 * and the {@code score} and {@code evaluate} commands, so that what is measured is what runs. Blocking
 * (CoreNLP): call it on the scoring pool.
 */
public final class MentionAssessor {
  private final SentimentAnalyzer analyzer;
  private final Triage triage;

  public MentionAssessor(SentimentAnalyzer analyzer, Triage triage) {
    this.analyzer = analyzer;
    this.triage = triage;
  }

  /** A scored mention with its triage decision. */
  public record Assessment(ScoredMention scored, Triage.Decision decision) {}

  public Assessment assess(Mention mention) {
    ScoredMention scored = new ScoredMention(mention, analyzer.analyze(mention.fullText()), Instant.now());
    return new Assessment(scored, triage.decide(scored));
  }
}
