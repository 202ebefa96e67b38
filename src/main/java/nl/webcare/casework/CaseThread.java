package nl.webcare.casework;

import java.util.List;
import nl.webcare.mention.ScoredMention;
import nl.webcare.worklist.CaseDetails;

/**
 * A case with everything on it and its conversation: the mentions still stored, oldest first (the newest
 * {@link CaseViews#MAX_THREAD} when it is longer).
 */
public record CaseThread(CaseDetails details, ScoredMention first, List<ScoredMention> mentions) {}
