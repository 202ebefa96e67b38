package nl.webcare.worklist;

import java.util.List;
import nl.webcare.mention.ScoredMention;
import nl.webcare.triage.Triage;

/** Puts a new case in a team's queue: the first routing rule that matches, else the default team. */
public final class CaseRouter {
  private final List<RoutingRule> rules;
  private final String defaultTeam;

  public CaseRouter(List<RoutingRule> rules, String defaultTeam) {
    this.rules = List.copyOf(rules);
    this.defaultTeam = defaultTeam;
  }

  public String teamFor(ScoredMention scored, Triage.Decision decision) {
    String language = scored.mention().language() != null ? scored.mention().language() : scored.sentiment().language();
    for (RoutingRule rule : rules) {
      if (rule.matches(scored.mention(), language, decision)) {
        return rule.team();
      }
    }
    return defaultTeam;
  }
}
