package nl.webcare.worklist;

import java.util.Set;

/**
 * Who acts on a case: the owner of the API key, whether they may act on a case another agent holds (leads and
 * admins may), and the teams whose cases they work on (empty: every team, as keys made before teams existed).
 */
public record Actor(String name, boolean mayOverride, Set<String> teams) {
  /** Webcare itself (housekeeping, a customer's new mention). */
  public static final Actor SYSTEM = new Actor("webcare", true);

  public Actor {
    teams = Set.copyOf(teams);
  }

  /** An actor of every team. */
  public Actor(String name, boolean mayOverride) {
    this(name, mayOverride, Set.of());
  }

  /** True when the actor works on the cases of {@code team}. */
  public boolean worksIn(String team) {
    return teams.isEmpty() || teams.contains(team);
  }
}
