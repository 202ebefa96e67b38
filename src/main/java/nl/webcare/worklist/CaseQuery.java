package nl.webcare.worklist;

import java.util.Set;

/**
 * Which cases a worklist page shows; null parts do not filter. Without a state, the cases in work are listed
 * (new, assigned and escalated, reopened ones among them); waiting and snoozed cases only when asked for by
 * state, closed ones likewise.
 *
 * @param minUrgency only cases at least this urgent (0..1)
 * @param teams      only cases of these teams (the caller's); empty: every team
 */
public record CaseQuery(String team, CaseState state, String channel, String language, String assignee,
    Double minUrgency, Set<String> teams) {

  public static final CaseQuery ACTIVE = new CaseQuery(null, null, null, null, null, null);

  public CaseQuery {
    teams = teams == null ? Set.of() : Set.copyOf(teams);
  }

  public CaseQuery(String team, CaseState state, String channel, String language, String assignee, Double minUrgency) {
    this(team, state, channel, language, assignee, minUrgency, Set.of());
  }

  boolean matches(Case c) {
    return (channel == null || channel.equals(c.channel()))
        && (language == null || language.equals(c.language()))
        && (team == null || team.equals(c.team()))
        && (teams.isEmpty() || teams.contains(c.team()))
        && (state == null ? c.state().inWork() : state == c.state())
        && (assignee == null || assignee.equals(c.assignee()))
        && (minUrgency == null || c.urgency() >= minUrgency);
  }
}
