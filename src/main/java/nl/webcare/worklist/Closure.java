package nl.webcare.worklist;

import java.time.Instant;

/**
 * How a case was closed: resolved, or dismissed with a reason.
 *
 * @param at            when
 * @param by            who resolved or dismissed it
 * @param dismissReason why it was dismissed, null when it was resolved
 */
public record Closure(Instant at, String by, String dismissReason) {}
