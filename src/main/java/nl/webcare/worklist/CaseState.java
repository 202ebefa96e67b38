package nl.webcare.worklist;

import java.util.Locale;

/**
 * Where a case stands. The moves between states are in {@link CaseAction}, nowhere else.
 *
 * <ul>
 *   <li>{@code new}: nobody works on it yet</li>
 *   <li>{@code assigned}: an agent holds it</li>
 *   <li>{@code waiting}: we replied and wait for the customer; a new mention of theirs reopens it</li>
 *   <li>{@code escalated}: handed to an expert team (legal, tech, billing ...) with a reason</li>
 *   <li>{@code snoozed}: put away until a time (or until the customer writes again), then back to new or assigned</li>
 *   <li>{@code resolved}: done; a new mention of the customer's within the window reopens it</li>
 *   <li>{@code dismissed}: spam or not for us, with a reason; never reopened</li>
 * </ul>
 */
public enum CaseState {
  NEW,
  ASSIGNED,
  WAITING,
  ESCALATED,
  SNOOZED,
  RESOLVED,
  DISMISSED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Resolved and dismissed cases are off the worklist. */
  public boolean closed() {
    return this == RESOLVED || this == DISMISSED;
  }

  /** New, assigned and escalated cases: what an agent works on (waiting and snoozed ones wait for a reason). */
  public boolean inWork() {
    return this == NEW || this == ASSIGNED || this == ESCALATED;
  }

  /** The state of that wire name, or null when there is none. */
  public static CaseState fromWire(String text) {
    for (CaseState state : values()) {
      if (state.wire().equals(text)) {
        return state;
      }
    }
    return null;
  }
}
