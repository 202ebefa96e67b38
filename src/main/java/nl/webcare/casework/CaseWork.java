package nl.webcare.casework;

import io.vertx.core.Future;
import java.util.Set;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.CaseCommand;

/**
 * Working on cases: every command of {@link CaseCommand} but replies and hand-offs ({@link CaseReplies}).
 * A refused command fails with {@link CaseRefusal} (NOT_FOUND, CONFLICT with the state and the holder, or
 * INVALID with the problem) and changed nothing; a store that cannot be reached fails the future as it is.
 */
public interface CaseWork {

  /** Applies the command and answers the case as it is after it. */
  Future<CaseView> apply(String caseId, Actor actor, CaseCommand command);

  /** Applies the command and answers the case's tags after it (for {@link CaseCommand.Tags}). */
  Future<Set<String>> tag(String caseId, Actor actor, CaseCommand.Tags command);
}
