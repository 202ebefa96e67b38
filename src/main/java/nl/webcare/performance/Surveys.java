package nl.webcare.performance;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * The one-question satisfaction survey: links issued for a closing reply, at most one per customer in a period,
 * each answered once. Every future fails when the store cannot be reached.
 */
public interface Surveys {
  /** A link issued: its token (for {@code /s/{token}}) and when it stops working. */
  record Invitation(String token, Instant expires) {}

  /** What a link leads to now. */
  enum State { OPEN, ANSWERED, EXPIRED, INVALID }

  /** A link looked up: its state, and for a link of ours the case and the language to ask in. */
  record Lookup(State state, String caseId, String language) {
    public static Lookup of(State state) {
      return new Lookup(state, null, null);
    }
  }

  /**
   * A link for the customer of a case, or null when this customer ({@code authorKey}, null: none known) was asked
   * within the configured period.
   */
  Future<Invitation> invite(String caseId, String authorKey, String language, Instant now);

  /**
   * Takes back an invitation that never reached the customer (the reply carrying it could not be sent): they may be
   * asked again, and the link leads nowhere.
   */
  Future<Void> withdraw(String token, String authorKey);

  /** What the link leads to, without using it. */
  Future<Lookup> open(String token, Instant now);

  /** Uses the link for an answer: OPEN the first time (the answer is to be kept), ANSWERED after that. */
  Future<Lookup> answer(String token, Instant now);

  /** Whether a client address may open or answer a survey now (a few dozen a minute), counted over all processes. */
  Future<Boolean> allow(String client, Instant now);
}
