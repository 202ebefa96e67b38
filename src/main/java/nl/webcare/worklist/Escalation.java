package nl.webcare.worklist;

/**
 * A case's escalation to an expert team.
 *
 * @param from   the team it came from (where {@code return} sends it), null once returned
 * @param reason why it was escalated (kept after the return, as history)
 */
public record Escalation(String from, String reason) {}
