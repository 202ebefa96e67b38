package nl.webcare.worklist;

/**
 * Which cases a worklist page shows; null parts do not filter. Without a state only active (not
 * closed) cases are listed.
 *
 * @param minUrgency only cases at least this urgent (0..1)
 */
public record CaseQuery(String team, CaseState state, String channel, String language, String assignee,
    Double minUrgency) {

  public static final CaseQuery ACTIVE = new CaseQuery(null, null, null, null, null, null);

  boolean matches(Case c) {
    return (channel == null || channel.equals(c.channel()))
        && (language == null || language.equals(c.language()))
        && (team == null || team.equals(c.team()))
        && (state == null || state == c.state())
        && (assignee == null || assignee.equals(c.assignee()))
        && (minUrgency == null || c.urgency() >= minUrgency);
  }
}
