package nl.webcare.worklist;

import java.util.List;
import java.util.Set;

/**
 * A case with everything an agent reads before answering: its mentions, notes, tags, replies, hand-offs
 * and history.
 */
public record CaseDetails(Case current, List<String> mentionIds, List<CaseNote> notes, Set<String> tags,
    List<CaseReply> replies, List<CaseHandoff> handoffs, List<CaseEvent> history) {}
