package nl.webcare.worklist;

import java.time.Instant;
import nl.webcare.mention.TriageClass;

/**
 * A conversation with a customer that needs (or needed) a reply, as the worklist tracks it: one or more
 * mentions by the same author on one channel, or in one thread.
 *
 * @param id            short reference people can quote, e.g. {@code WC-4F7K2}
 * @param mentionId     the mention that opened it
 * @param priority      sort key of the worklist, higher first (urgency plus age, {@code PriorityFormula}): the
 *                      highest of its mentions since our last reply
 * @param urgency       0..1, the part of the priority that is not time
 * @param triageClass   crisis, complaint or question: why it was opened
 * @param team          the team whose queue it is in (after routing, or the expert team it was escalated to)
 * @param assignee      the agent who holds it, null when nobody does
 * @param author        the author's display name (personal data), may be null
 * @param authorKey     {@code channel:handle}, the key of the author's history, may be null
 * @param mentionCount  mentions filed on this case
 * @param snoozedUntil  when a snoozed case wakes, else null
 * @param sla           its SLA clocks and our replies
 * @param closure       who resolved or dismissed it and when, null while it is open
 * @param escalation    where it was escalated from and why, null when it never was
 * @param figures       what it keeps of its own handling: replies, reopenings, time held per agent ...
 */
public record Case(
    String id,
    String mentionId,
    CaseState state,
    long priority,
    double urgency,
    TriageClass triageClass,
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
    Instant snoozedUntil,
    SlaClocks sla,
    Closure closure,
    Escalation escalation,
    CaseFigures figures,
    String excerpt) {

  public Case {
    sla = sla == null ? SlaClocks.NONE : sla;
    figures = figures == null ? CaseFigures.NONE : figures;
  }

  /** Characters of the opening mention a worklist row shows ({@code excerpt}; null for a case filed before rows kept it). */
  public static final int EXCERPT_CHARS = 140;

  /** At most {@link #EXCERPT_CHARS} characters, not ending inside a surrogate pair; null for no text. */
  public static String excerptOf(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    if (t.length() <= EXCERPT_CHARS) {
      return t;
    }
    int end = Character.isHighSurrogate(t.charAt(EXCERPT_CHARS - 1)) ? EXCERPT_CHARS - 1 : EXCERPT_CHARS;
    return t.substring(0, end);
  }

  /** When the first reply went out, null before (the clock the SLA of a first response stops). */
  public Instant firstResponseAt() {
    return sla.firstResponseAt();
  }

  /** The team it was escalated from (where {@code return} sends it), or null. */
  public String escalatedFrom() {
    return escalation == null ? null : escalation.from();
  }
}
