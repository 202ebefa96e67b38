package nl.webcare.worklist;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.webcare.mention.ScoredMention;
import nl.webcare.store.PageCursor;
import nl.webcare.triage.Triage;

/**
 * The damage-control worklist: cases, most urgent first, and every move they make. Each move is atomic
 * in the store, so two agents can never both hold one case and a refused move changes nothing. All
 * futures fail when the store cannot be reached; then nothing has changed.
 */
public interface Worklist {

  /** Where a filed mention went. {@code outcome}: opened, joined, reopened, existing or none. */
  record Filing(String caseId, String outcome) {}

  /**
   * Files a scored mention: it joins the case of its conversation or of its author on the same channel
   * within the grouping window (reopening a waiting, snoozed or resolved case), or, when it needs a reply, opens
   * a case in {@code team}'s queue. Idempotent by mention.
   */
  default Future<Filing> file(ScoredMention scored, Triage.Decision decision, String team) {
    return file(scored, decision, team, false);
  }

  /**
   * As above; with {@code crisisBand}, a case opened now gets the SLA targets of the crisis band whatever its own
   * class (a complaint about what a spike is about, while the spike lasts).
   */
  Future<Filing> file(ScoredMention scored, Triage.Decision decision, String team, boolean crisisBand);

  /**
   * Opens the incident case of a spike in {@code incident.team()}'s queue, once per spike: the id of the case
   * opened now, or of the one opened for the same spike before.
   */
  Future<String> openIncident(Incident incident);

  /** Cases that match, highest priority first, after the cursor. */
  Future<Page> cases(CaseQuery query, int limit, PageCursor after);

  /** The worklist's version: it changes with every change of any case (0 before the first). */
  Future<Long> version();

  /** The case, or a succeeded future with null when there is none. */
  Future<Case> find(String caseId);

  /** The case with its mentions, notes, tags and history, or null when there is none. */
  Future<CaseDetails> details(String caseId);

  /**
   * Applies a command: checks it ({@link Transition.Outcome#INVALID} with the problem), decides its move from the
   * move table ({@link Transition.Outcome#FORBIDDEN} from this state, {@link Transition.Outcome#HELD} by another
   * agent) and applies it atomically with the fields it writes and a history entry. A reply is kept on the case
   * even when its move is then refused (it went out). {@link Transition.Outcome#NOT_FOUND} when there is no
   * such case. Fails when the store cannot be reached, or when the case kept changing under ten attempts.
   */
  Future<Transition> apply(String caseId, Actor actor, CaseCommand command);

  /** The case's tags, or null when there is no such case. */
  Future<Set<String>> tags(String caseId);

  /** The id of the case's newest mention (what a reply answers), or null when there is no such case. */
  Future<String> lastMentionId(String caseId);

  /**
   * The cases closed (resolved or dismissed) from {@code from} to {@code to}, at most {@code limit}, oldest closure
   * first; a case reopened since is not among them until it closes again.
   */
  Future<List<Case>> closedBetween(Instant from, Instant to, int limit);

  /** Snoozed cases whose time has come. */
  Future<List<String>> snoozedUntil(Instant now, int limit);

  record Page(List<Case> cases, PageCursor next) {}
}
