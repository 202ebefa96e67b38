package nl.webcare.worklist;

import java.time.Instant;
import java.util.Set;

/**
 * What an agent, a lead or Webcare itself does to a case. Each command names its move in {@link CaseMove};
 * the worklist checks it, refuses it or applies it, and writes the fields that go with it. Callers never name
 * a stored field.
 */
public sealed interface CaseCommand {

  /** The row of the move table that decides this command. */
  CaseMove move();

  /** The agent takes the case. */
  record Claim() implements CaseCommand {
    public CaseMove move() {
      return CaseMove.CLAIM;
    }
  }

  /** The holder puts the case back in the queue. */
  record Release() implements CaseCommand {
    public CaseMove move() {
      return CaseMove.RELEASE;
    }
  }

  /** A lead hands the case to {@code agent}. */
  record Reassign(String agent) implements CaseCommand {
    public CaseMove move() {
      return CaseMove.REASSIGN;
    }
  }

  /** To the expert {@code team}, with a reason; refused when the case is in that team already. */
  record Escalate(String team, String reason) implements CaseCommand {
    public CaseMove move() {
      return CaseMove.ESCALATE;
    }
  }

  /** Back from the expert team to the team it was escalated from; {@code note} may be null. */
  record Return(String note) implements CaseCommand {
    public CaseMove move() {
      return CaseMove.RETURN;
    }
  }

  /** Put away until a time in the next 30 days. */
  record Snooze(Instant until) implements CaseCommand {
    public CaseMove move() {
      return CaseMove.SNOOZE;
    }
  }

  /** The snooze time has come. */
  record Wake() implements CaseCommand {
    public CaseMove move() {
      return CaseMove.WAKE;
    }
  }

  /** A reply went out: it is kept on the case whatever happens to the move, then the case waits. */
  record Reply(CaseReply reply) implements CaseCommand {
    public CaseMove move() {
      return CaseMove.REPLY;
    }
  }

  /** The conversation moves to a private channel, with its written confirmation; a planned time lies ahead. */
  record Handoff(CaseHandoff handoff) implements CaseCommand {
    public CaseMove move() {
      return CaseMove.ANNOTATE;
    }
  }

  record Resolve(String note) implements CaseCommand {
    public CaseMove move() {
      return CaseMove.RESOLVE;
    }
  }

  /** Spam or not for us, with the reason; never reopened by a new mention. */
  record Dismiss(String reason) implements CaseCommand {
    public CaseMove move() {
      return CaseMove.DISMISS;
    }
  }

  record Reopen(String note) implements CaseCommand {
    public CaseMove move() {
      return CaseMove.REOPEN;
    }
  }

  /** An internal note, never sent to the customer. */
  record Note(String text) implements CaseCommand {
    public CaseMove move() {
      return CaseMove.ANNOTATE;
    }
  }

  /** Tags added and removed. */
  record Tags(Set<String> add, Set<String> remove) implements CaseCommand {
    public Tags {
      add = Set.copyOf(add);
      remove = Set.copyOf(remove);
    }

    public CaseMove move() {
      return CaseMove.ANNOTATE;
    }
  }

  /** A satisfaction survey link went out with a closing reply. */
  record SurveySent(Instant at) implements CaseCommand {
    public CaseMove move() {
      return CaseMove.ANNOTATE;
    }
  }

  /** The customer answered the survey: a score of 1 to 5 and an optional comment (null). */
  record Rated(int score, String comment, Instant at) implements CaseCommand {
    public Rated {
      if (score < 1 || score > 5) {
        throw new IllegalArgumentException("a rating is 1 to 5, got " + score);
      }
    }

    public CaseMove move() {
      return CaseMove.ANNOTATE;
    }
  }

  /** The customer's tone before and after the case, measured once the window after its resolution has passed. */
  record RecoveryMeasured(CaseFigures.Recovery recovery) implements CaseCommand {
    public CaseMove move() {
      return CaseMove.ANNOTATE;
    }
  }
}
