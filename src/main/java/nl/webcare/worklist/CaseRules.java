package nl.webcare.worklist;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The checks a command must pass besides the move table, on the case as read: a message when it is refused,
 * else null. Times are checked against {@code now} so that a snooze and a hand-off refuse the past alike.
 */
final class CaseRules {
  static final Duration MAX_SNOOZE = Duration.ofDays(30);

  private final List<String> teams;

  CaseRules(List<String> teams) {
    this.teams = List.copyOf(teams);
  }

  String problem(CaseCommand command, Case current, Instant now) {
    if (command instanceof CaseCommand.Escalate e) {
      if (!teams.contains(e.team())) {
        return "team must be one of " + teams + ", got " + e.team();
      }
      return e.team().equals(current.team()) ? "case " + current.id() + " is in team " + e.team() + " already" : null;
    }
    if (command instanceof CaseCommand.Snooze s) {
      if (!s.until().isAfter(now)) {
        return inThePast("until", s.until());
      }
      return s.until().isAfter(now.plus(MAX_SNOOZE)) ? "until must lie in the next " + MAX_SNOOZE.toDays() + " days"
          : null;
    }
    if (command instanceof CaseCommand.Handoff h && h.handoff().when() != null) {
      return h.handoff().when().isAfter(now) ? null : inThePast("when", h.handoff().when());
    }
    return null;
  }

  /** One message for every time that must lie ahead. */
  private static String inThePast(String field, Instant at) {
    return field + " must lie in the future, got " + at;
  }

  /** Where a returned case goes: the team it came from, else the first team. */
  String returnTeam(Case current) {
    return current.escalatedFrom() != null ? current.escalatedFrom() : teams.get(0);
  }
}
