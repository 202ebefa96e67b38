package nl.webcare.worklist;

import java.time.Instant;

/**
 * The answer to a command on a case.
 *
 * @param outcome what happened
 * @param state   the case's state after the attempt (its current state when refused; null when not found)
 * @param holder  who holds the case after the attempt (for {@link Outcome#HELD}: who has it)
 * @param current the case after the attempt (null for {@link Outcome#NOT_FOUND})
 * @param at      when the command was applied
 * @param problem for {@link Outcome#INVALID}: what is wrong with the command, in a sentence
 */
public record Transition(Outcome outcome, CaseState state, String holder, Case current, Instant at, String problem) {
  public enum Outcome {
    DONE,
    NOT_FOUND,
    /** Another agent holds the case. */
    HELD,
    /** The move is not allowed from the case's current state. */
    FORBIDDEN,
    /** The case is in a team the actor does not work in. */
    OTHER_TEAM,
    /** The command itself is refused (a time in the past, the team the case is in already); nothing changed. */
    INVALID
  }

  static Transition notFound(Instant at) {
    return new Transition(Outcome.NOT_FOUND, null, null, null, at, null);
  }

  static Transition invalid(Case current, Instant at, String problem) {
    return new Transition(Outcome.INVALID, current.state(), current.assignee(), current, at, problem);
  }
}
