package nl.webcare.worklist;

import io.vertx.core.Future;
import java.util.List;
import nl.webcare.mention.ScoredMention;
import nl.webcare.store.PageCursor;
import nl.webcare.triage.Triage;

/**
 * The damage-control worklist: open cases, most urgent first. Every transition is atomic in the
 * store, so two agents can never both hold one case. All futures fail when the store cannot be
 * reached; then nothing has changed.
 */
public interface Worklist {

  /**
   * Opens the case for a mention and announces it on the alert stream, both or neither. Idempotent:
   * a mention that already has a case gets that case back, and no second alert.
   */
  Future<Case> open(ScoredMention scored, Triage.Decision decision);

  /** Open cases (new and assigned), highest priority first, after the cursor. */
  Future<Page> openCases(int limit, PageCursor after);

  /** The case, or a succeeded future with null when there is none. */
  Future<Case> find(String caseId);

  /** Gives the case to the agent; {@link Transition.Outcome#HELD} names the agent who has it. */
  Future<Transition> claim(String caseId, String agent);

  /** Closes the case; only the holder may resolve a claimed case. */
  Future<Transition> resolve(String caseId, String agent);

  record Page(List<Case> cases, PageCursor next) {}
}
