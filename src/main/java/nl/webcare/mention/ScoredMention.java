package nl.webcare.mention;

import java.time.Instant;

/** A mention after scoring: what the mention store keeps and the API shows. */
public record ScoredMention(Mention mention, SentimentResult sentiment, Instant scoredAt) {}
