package nl.webcare.casework;

import io.vertx.core.Future;
import java.time.Instant;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.CaseHandoff;
import nl.webcare.worklist.CaseReply;

/**
 * Answering the customer. A refusal fails with {@link CaseRefusal}: NOT_FOUND, CONFLICT (held by another agent,
 * a state that takes no reply, or a case that changed after the reply went out: then the reply is kept and
 * named in the details), INVALID (no text or template, an unknown template, too long for the channel, a
 * channel Webcare cannot post on without a link to the reply, a planned time in the past), UPSTREAM (the
 * channel refused the post: nothing was kept). A store that cannot be reached fails the future as it is.
 */
public interface CaseReplies {

  /**
   * What the agent asked to send: exactly one of {@code text} and {@code template}; {@code link} may be null; with
   * {@code resolve}, a closing reply: the case is resolved after it, and it may carry the satisfaction survey.
   */
  record ReplyRequest(String text, String template, String link, boolean resolve) {
    public ReplyRequest(String text, String template, String link) {
      this(text, template, link, false);
    }
  }

  /** Whether a closing reply carried the survey, and why not when it did not (null for other replies). */
  record SurveyNote(boolean sent, String reason) {}

  /** The case after the reply, the reply as kept, and for a closing reply what became of the survey. */
  record Replied(CaseView view, CaseReply reply, SurveyNote survey) {
    public Replied(CaseView view, CaseReply reply) {
      this(view, reply, null);
    }
  }

  /**
   * Sends the reply through the case's channel where Webcare can (else keeps where the agent replied, the
   * {@code link}), keeps it on the case and moves the case to waiting; a closing reply then resolves it.
   */
  Future<Replied> reply(String caseId, Actor actor, ReplyRequest request);

  /**
   * Moves the conversation to a private channel ({@code dm}, {@code phone}, {@code email}, {@code chat}) with the
   * written confirmation in the case's language; {@code when} (may be null) must lie ahead.
   */
  Future<CaseHandoff> handoff(String caseId, Actor actor, String channel, Instant when, String agreement);

  /** The written confirmation {@link #handoff} would send, without handing off: for the agent to read first. */
  Future<String> previewHandoff(String caseId, Actor actor, String channel, Instant when, String agreement);
}
