package nl.webcare.worklist;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every move a case can make, written down in one place: from which states to which, who may make it, and
 * what happens to the holder. {@link RedisWorklist} decides a move from this table on the case as it was read
 * and applies it in one script that first checks the case is still as read; nothing else knows the rules.
 */
public enum CaseMove {
  CLAIM(moves(CaseState.NEW, Target.ASSIGNED, CaseState.ASSIGNED, Target.ASSIGNED, CaseState.ESCALATED, Target.STAY,
      CaseState.WAITING, Target.STAY, CaseState.SNOOZED, Target.STAY), HolderRule.FREE, HolderChange.ACTOR),
  RELEASE(moves(CaseState.ASSIGNED, Target.NEW, CaseState.ESCALATED, Target.STAY, CaseState.WAITING, Target.STAY,
      CaseState.SNOOZED, Target.STAY), HolderRule.HOLDER, HolderChange.CLEAR),
  /** A lead hands the case to an agent. */
  REASSIGN(moves(CaseState.NEW, Target.ASSIGNED, CaseState.ASSIGNED, Target.ASSIGNED, CaseState.ESCALATED, Target.STAY,
      CaseState.WAITING, Target.STAY, CaseState.SNOOZED, Target.STAY), HolderRule.ANY, HolderChange.NAMED),
  /** We answered: wait for the customer. Whoever replies holds the case. */
  REPLY(moves(CaseState.NEW, Target.WAITING, CaseState.ASSIGNED, Target.WAITING, CaseState.ESCALATED, Target.WAITING,
      CaseState.WAITING, Target.WAITING), HolderRule.HOLDER, HolderChange.ACTOR),
  /** To an expert team, with a reason; the expert team claims it there. */
  ESCALATE(moves(CaseState.NEW, Target.ESCALATED, CaseState.ASSIGNED, Target.ESCALATED, CaseState.WAITING,
      Target.ESCALATED), HolderRule.HOLDER, HolderChange.CLEAR),
  /** Back from the expert team to the team it came from. */
  RETURN(moves(CaseState.ESCALATED, Target.NEW), HolderRule.HOLDER, HolderChange.CLEAR),
  SNOOZE(moves(CaseState.NEW, Target.SNOOZED, CaseState.ASSIGNED, Target.SNOOZED, CaseState.WAITING, Target.SNOOZED),
      HolderRule.HOLDER, HolderChange.KEEP),
  /** The snooze time has come (done by housekeeping). */
  WAKE(moves(CaseState.SNOOZED, Target.OPEN), HolderRule.ANY, HolderChange.KEEP),
  RESOLVE(moves(CaseState.NEW, Target.RESOLVED, CaseState.ASSIGNED, Target.RESOLVED, CaseState.WAITING,
      Target.RESOLVED, CaseState.ESCALATED, Target.RESOLVED, CaseState.SNOOZED, Target.RESOLVED), HolderRule.HOLDER,
      HolderChange.KEEP),
  DISMISS(moves(CaseState.NEW, Target.DISMISSED, CaseState.ASSIGNED, Target.DISMISSED, CaseState.WAITING,
      Target.DISMISSED, CaseState.ESCALATED, Target.DISMISSED, CaseState.SNOOZED, Target.DISMISSED), HolderRule.HOLDER,
      HolderChange.KEEP),
  /** Opened again by hand. */
  REOPEN(moves(CaseState.RESOLVED, Target.OPEN, CaseState.DISMISSED, Target.OPEN, CaseState.WAITING, Target.OPEN),
      HolderRule.ANY, HolderChange.KEEP),
  /**
   * The customer wrote again (a mention joins the case): a case that waits for them, was resolved or was put
   * away needs an agent again; an open one stays where it is. A dismissed case is never joined.
   */
  CUSTOMER_WROTE(moves(CaseState.NEW, Target.STAY, CaseState.ASSIGNED, Target.STAY, CaseState.ESCALATED, Target.STAY,
      CaseState.WAITING, Target.OPEN, CaseState.RESOLVED, Target.OPEN, CaseState.SNOOZED, Target.OPEN), HolderRule.ANY,
      HolderChange.KEEP),
  /** Notes, tags and hand-offs: written on a case in any state, by anyone who may work on it. */
  ANNOTATE(moves(CaseState.NEW, Target.STAY, CaseState.ASSIGNED, Target.STAY, CaseState.WAITING, Target.STAY,
      CaseState.ESCALATED, Target.STAY, CaseState.SNOOZED, Target.STAY, CaseState.RESOLVED, Target.STAY,
      CaseState.DISMISSED, Target.STAY), HolderRule.ANY, HolderChange.KEEP);

  /** Where a move goes: a state, the state it was in, or back into work (assigned when held, else new). */
  public enum Target {
    STAY, OPEN, NEW, ASSIGNED, WAITING, ESCALATED, SNOOZED, RESOLVED, DISMISSED;

    CaseState from(CaseState current, boolean held) {
      return switch (this) {
        case STAY -> current;
        case OPEN -> held ? CaseState.ASSIGNED : CaseState.NEW;
        default -> CaseState.valueOf(name());
      };
    }
  }

  /** Who may move a case somebody holds. */
  public enum HolderRule {
    /** Nobody else may hold it (claiming). */
    FREE,
    /** Its holder, anyone while nobody holds it, or a lead. */
    HOLDER,
    ANY
  }

  /** The holder after the move. */
  public enum HolderChange { KEEP, CLEAR, ACTOR, NAMED }

  private final Map<CaseState, Target> moves;
  private final HolderRule holderRule;
  private final HolderChange holderChange;

  CaseMove(Map<CaseState, Target> moves, HolderRule holderRule, HolderChange holderChange) {
    this.moves = moves;
    this.holderRule = holderRule;
    this.holderChange = holderChange;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when the table has a move for a case in {@code state}. */
  public boolean allowedFrom(CaseState state) {
    return moves.containsKey(state);
  }

  public HolderRule holderRule() {
    return holderRule;
  }

  public HolderChange holderChange() {
    return holderChange;
  }

  /**
   * The table's answer for a case in {@code state} held by {@code holder} (null: nobody), moved by
   * {@code actor}; {@code named} is the new holder of {@link HolderChange#NAMED}.
   */
  public Decision decide(CaseState state, String holder, Actor actor, String named) {
    Target target = moves.get(state);
    if (target == null) {
      return new Decision(Transition.Outcome.FORBIDDEN, state, holder);
    }
    boolean heldByOther = holder != null && !holder.equals(actor.name());
    if (heldByOther && (holderRule == HolderRule.FREE || (holderRule == HolderRule.HOLDER && !actor.mayOverride()))) {
      return new Decision(Transition.Outcome.HELD, state, holder);
    }
    String after = switch (holderChange) {
      case KEEP -> holder;
      case CLEAR -> null;
      case ACTOR -> actor.name();
      case NAMED -> named;
    };
    return new Decision(Transition.Outcome.DONE, target.from(state, after != null), after);
  }

  /** What the table says: done (to {@code state}, held by {@code holder}), or why not. */
  public record Decision(Transition.Outcome outcome, CaseState state, String holder) {}

  private static Map<CaseState, Target> moves(Object... fromTo) {
    Map<CaseState, Target> table = new EnumMap<>(CaseState.class);
    for (int i = 0; i < fromTo.length; i += 2) {
      table.put((CaseState) fromTo[i], (Target) fromTo[i + 1]);
    }
    return table;
  }
}
