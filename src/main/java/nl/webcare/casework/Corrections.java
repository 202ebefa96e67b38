package nl.webcare.casework;

import io.vertx.core.Future;
import nl.webcare.learning.TeamLabel;
import nl.webcare.worklist.Actor;

/**
 * An agent's or lead's correction of what Webcare decided, kept as a label to learn from. Fails when there is no
 * such case ({@link CaseRefusal} not found), the mention is no longer kept ({@link CaseRefusal} invalid) or the
 * store cannot be reached.
 */
public interface Corrections {
  /** The case's mention is of this triage class (crisis, complaint, question: it needed a reply; else not). */
  Future<TeamLabel> correctTriage(String caseId, String triageClass, Actor actor);

  /** The mention's sentiment is this label (positive, neutral, negative). */
  Future<TeamLabel> correctSentiment(String mentionId, String label, Actor actor);
}
