package nl.webcare.privacy;

import java.util.List;
import java.util.Map;
import nl.webcare.mention.ScoredMention;
import nl.webcare.worklist.CaseDetails;

/**
 * What Webcare knows of one author on one channel: their mentions (newest first), their cases with the
 * notes on them, and the other channels where the same handle has spoken.
 */
public record AuthorHistory(String authorKey, List<ScoredMention> mentions, List<CaseDetails> cases,
    Map<String, Long> otherChannels) {}
