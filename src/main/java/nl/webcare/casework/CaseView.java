package nl.webcare.casework;

import nl.webcare.mention.ScoredMention;
import nl.webcare.worklist.Case;

/** A case with the mention that opened it (null when that mention has expired or was erased). */
public record CaseView(Case current, ScoredMention mention) {}
