package nl.webcare.worklist;

import java.time.Instant;
import nl.webcare.sla.SlaBand;

/**
 * A case's SLA clocks and our replies: each target's due time and, once missed, when the watch found it late.
 *
 * @param band             crisis, high, normal or low: which targets apply; null without an SLA
 * @param firstResponseDue when the first reply is due (in the team's open time)
 * @param firstResponseAt  when the first reply went out, null before
 * @param lastReplyAt      when the latest reply went out
 * @param nextReplyDue     when the customer wrote again after our reply: when the next reply is due
 */
public record SlaClocks(
    SlaBand band,
    Instant firstResponseDue,
    Instant firstResponseAt,
    Instant firstResponseBreachedAt,
    Instant resolutionDue,
    Instant resolutionBreachedAt,
    Instant nextReplyDue,
    Instant nextReplyBreachedAt,
    Instant lastReplyAt) {

  /** A case filed before SLAs existed. */
  public static final SlaClocks NONE = new SlaClocks(null, null, null, null, null, null, null, null, null);
}
