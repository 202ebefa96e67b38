package nl.webcare.worklist;

/**
 * The answer to a claim or resolve.
 *
 * @param outcome what happened
 * @param holder  for {@link Outcome#HELD}: the agent who holds the case
 * @param current the case after the attempt (null for {@link Outcome#NOT_FOUND})
 */
public record Transition(Outcome outcome, String holder, Case current) {
  public enum Outcome {
    DONE,
    NOT_FOUND,
    /** Another agent holds the case. */
    HELD,
    /** The case is resolved already. */
    CLOSED
  }
}
