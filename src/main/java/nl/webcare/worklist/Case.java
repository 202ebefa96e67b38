package nl.webcare.worklist;

import java.time.Instant;

/**
 * A conversation with a customer that needs (or needed) a reply, as the worklist tracks it: one or more
 * mentions by the same author on one channel, or in one thread.
 *
 * @param id             short reference people can quote, e.g. {@code WC-4F7K2}
 * @param mentionId      the mention that opened it
 * @param priority       sort key of the worklist, higher first (urgency plus age, {@code PriorityFormula}): the highest
 *                       of its mentions since our last reply
 * @param urgency        0..1, the part of the priority that is not time
 * @param triageClass    crisis, complaint or question: why it was opened
 * @param team           the team whose queue it is in (after routing, or the expert team it was escalated to)
 * @param assignee       the agent who holds it, null when nobody does
 * @param author         the author's display name (personal data), may be null
 * @param authorKey      {@code channel:handle}, the key of the author's history, may be null
 * @param mentionCount   mentions filed on this case
 * @param firstResponseAt when the first reply went out, null before
 * @param lastReplyAt    when the latest reply went out
 * @param closedBy       who resolved or dismissed it
 * @param escalatedFrom  the team it was escalated from (where {@code return} sends it)
 * @param slaBand        crisis, high, normal or low: which SLA targets apply
 * @param firstResponseDue when the first reply is due (in the team's open time), null without an SLA
 * @param firstResponseBreachedAt when the watch found the first reply late, else null
 * @param nextReplyDue   when the customer wrote again after our reply: when the next reply is due
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
    String language,
    String team,
    String assignee,
    String author,
    String authorKey,
    Instant openedAt,
    Instant lastMentionAt,
    int mentionCount,
    Instant firstResponseAt,
    Instant lastReplyAt,
    Instant resolvedAt,
    String closedBy,
    Instant snoozedUntil,
    String dismissReason,
    String escalationReason,
    String escalatedFrom,
    String slaBand,
    Instant firstResponseDue,
    Instant resolutionDue,
    Instant firstResponseBreachedAt,
    Instant resolutionBreachedAt,
    Instant nextReplyDue,
    Instant nextReplyBreachedAt) {}
