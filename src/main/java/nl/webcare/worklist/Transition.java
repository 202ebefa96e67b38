package nl.webcare.worklist;

/**
 * The answer to a move of a case.
 *
 * @param outcome what happened
 * @param state   the case's state after the attempt (its current state when refused)
 * @param holder  who holds the case after the attempt (for {@link Outcome#HELD}: who has it)
 * @param current the case after the attempt (null for {@link Outcome#NOT_FOUND})
 */
public record Transition(Outcome outcome, CaseState state, String holder, Case current) {
  public enum Outcome {
    DONE,
    NOT_FOUND,
    /** Another agent holds the case. */
    HELD,
    /** The move is not allowed from the case's current state. */
    FORBIDDEN
  }
}
