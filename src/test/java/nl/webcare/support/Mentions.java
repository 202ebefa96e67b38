package nl.webcare.support;

import java.time.Instant;
import java.util.List;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionDetails;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentenceSentiment;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;

/** Builders of test mentions. */
public final class Mentions {
  private Mentions() {}

  /** A forum mention whose author is named after it, so that test mentions do not group into one case. */
  public static Mention mention(String source, String externalId, String text) {
    return byAuthor(source, externalId, text, "author-" + externalId, null);
  }

  /** A mention by {@code handle} on the forum channel, in thread {@code conversation} (may be null). */
  public static Mention byAuthor(String source, String externalId, String text, String handle, String conversation) {
    return new Mention(Mention.idFor(source, externalId), source, "forum", "testbrand", externalId, handle,
        null, text, "https://example.test/" + externalId, Instant.parse("2026-11-24T10:00:00Z"), "en", null, null,
        new MentionDetails(handle, null, null, conversation, null, null, null));
  }

  public static ScoredMention scored(Mention mention, SentimentLabel label, double score) {
    SentimentResult sentiment = new SentimentResult(label, score, Probabilities.fromScore(score), "en",
        List.of(new SentenceSentiment(0, label == SentimentLabel.NEGATIVE ? 1 : 3, score, Probabilities.fromScore(score))),
        List.of(), false);
    return new ScoredMention(mention, sentiment, Instant.now());
  }
}
