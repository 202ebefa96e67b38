package nl.webcare.worklist;

import java.util.Locale;

/**
 * Every move a case can make, written down in one place: from which states, to which state, and who
 * may make it. The Lua script {@code transition_case.lua} applies a move atomically and refuses one
 * that this table does not allow (409 with the current state).
 *
 * <p>Targets: a state, {@code @keep} (stay), or {@code @open} (assigned when somebody holds the case,
 * else new). Holder rules: {@code free} (nobody else may hold it: claiming), {@code holder} (only the
 * holder, anyone while nobody holds it, or a lead), {@code any}.
 */
public enum CaseAction {
  CLAIM("new>assigned,assigned>assigned,escalated>@keep,waiting>@keep,snoozed>@keep", "free", "@actor"),
  RELEASE("assigned>new,escalated>@keep,waiting>@keep,snoozed>@keep", "holder", "-"),
  /** A lead hands the case to an agent (the API allows it to leads only). */
  REASSIGN("new>assigned,assigned>assigned,escalated>@keep,waiting>@keep,snoozed>@keep", "any", null),
  /** We answered: wait for the customer. Whoever replies holds the case. */
  REPLY("new>waiting,assigned>waiting,escalated>waiting,waiting>waiting", "holder", "@actor"),
  /** To an expert team, with a reason; the expert team claims it there. */
  ESCALATE("new>escalated,assigned>escalated,waiting>escalated", "holder", "-"),
  /** Back from the expert team to the team it came from. */
  RETURN("escalated>new", "holder", "-"),
  SNOOZE("new>snoozed,assigned>snoozed,waiting>snoozed", "holder", ""),
  /** The snooze time has come (done by housekeeping). */
  WAKE("snoozed>@open", "any", ""),
  RESOLVE("new>resolved,assigned>resolved,waiting>resolved,escalated>resolved,snoozed>resolved", "holder", ""),
  DISMISS("new>dismissed,assigned>dismissed,waiting>dismissed,escalated>dismissed,snoozed>dismissed", "holder", ""),
  /** Opened again by hand (a new mention of the customer's reopens a waiting or resolved case by itself). */
  REOPEN("resolved>@open,dismissed>@open,waiting>@open", "any", "");

  final String moves;
  final String holderRule;
  /** '' keep the holder, '-' clear, '@actor' the actor, null: the caller names the new holder. */
  final String assignee;

  CaseAction(String moves, String holderRule, String assignee) {
    this.moves = moves;
    this.holderRule = holderRule;
    this.assignee = assignee;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when the table has a move for a case in {@code state}. */
  public boolean allowedFrom(CaseState state) {
    return ("," + moves).contains("," + state.wire() + ">");
  }
}
