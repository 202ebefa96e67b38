package nl.webcare.worklist;

import java.time.Instant;

/**
 * A negative mention that needs a reply, as the worklist tracks it.
 *
 * @param id        short reference people can quote, e.g. {@code WC-0004F}
 * @param mentionId the mention that opened it
 * @param priority  sort key of the worklist, higher first (see {@code Triage})
 * @param urgency   0..1, the part of the priority that is not time
 * @param triageClass crisis, complaint or question: why it is on the worklist
 * @param assignee  the agent who holds it, null when nobody does
 */
public record Case(
    String id,
    String mentionId,
    CaseState state,
    long priority,
    double urgency,
    String triageClass,
    String brand,
    String source,
    String channel,
    String assignee,
    Instant openedAt,
    Instant claimedAt,
    Instant resolvedAt,
    String resolvedBy) {}
