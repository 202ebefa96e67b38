package nl.webcare.worklist;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
  Future<Filing> file(ScoredMention scored, Triage.Decision decision, String team);

  /** Cases that match, highest priority first, after the cursor. */
  Future<Page> cases(CaseQuery query, int limit, PageCursor after);

  /** The case, or a succeeded future with null when there is none. */
  Future<Case> find(String caseId);

  /** The case with its mentions, notes, tags and history, or null when there is none. */
  Future<CaseDetails> details(String caseId);

  /**
   * Makes a move. {@code newHolder} names the agent for {@link CaseAction#REASSIGN}; {@code set} and
   * {@code clear} are fields that change with it (reason, team, snooze time ...), {@code detail} goes
   * into the history.
   */
  Future<Transition> act(String caseId, CaseAction action, Actor actor, String newHolder, Map<String, String> set,
      List<String> clear, io.vertx.core.json.JsonObject detail);

  /** Adds an internal note; null when the case does not exist. */
  Future<CaseNote> addNote(String caseId, Actor actor, String text);

  /** Adds and removes tags; the tags after, or null when the case does not exist. */
  Future<Set<String>> tag(String caseId, Actor actor, Set<String> add, Set<String> remove);

  /** Keeps a reply that went out on the case (the move to waiting is {@link CaseAction#REPLY}). */
  Future<Void> recordReply(String caseId, CaseReply reply);

  /** Keeps a hand-off to a private channel with its confirmation; false when the case does not exist. */
  Future<Boolean> recordHandoff(String caseId, CaseHandoff handoff);

  /** The id of the case's newest mention (what a reply answers), or null when there is no such case. */
  Future<String> lastMentionId(String caseId);

  /** Snoozed cases whose time has come. */
  Future<List<String>> snoozedUntil(Instant now, int limit);

  record Page(List<Case> cases, PageCursor next) {}
}
