package nl.webcare.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.webcare.worklist.RoutingRule;

/** Reads the {@code worklist} part of the configuration: grouping window, teams and routing rules. */
final class WorklistSettings {
  private static final String TEAM = "[a-z0-9][a-z0-9-]{0,31}";
  private static final Set<String> RULE_KEYS = Set.of("team", "channel", "language", "brand", "triageClass", "keywords");
  private static final Set<String> TRIAGE_CLASSES = Set.of("crisis", "complaint", "question", "praise", "other");

  private WorklistSettings() {}

  static WebcareConfig.Worklist read(ConfigValues v) {
    String defaultTeam = v.text("worklist.defaultTeam");
    Set<String> teams = new LinkedHashSet<>();
    teams.add(defaultTeam);
    Object listed = v.raw("worklist.teams");
    if (listed != null && !(listed instanceof JsonArray)) {
      throw ConfigValues.invalid("worklist.teams", listed, "a list of team names");
    }
    if (listed instanceof JsonArray array) {
      array.forEach(team -> teams.add(String.valueOf(team)));
    }
    for (String team : teams) {
      if (!team.matches(TEAM)) {
        throw ConfigValues.invalid("worklist.teams", team, "lower-case team names (letters, digits, '-')");
      }
    }
    List<RoutingRule> rules = rules(v.raw("worklist.routing"), teams);
    return new WebcareConfig.Worklist(v.millisIn("worklist.groupingWindowMs", 60_000, 30L * 86_400_000L), defaultTeam,
        List.copyOf(teams), rules, zone(v.text("worklist.timezone")));
  }

  private static java.time.ZoneId zone(String text) {
    try {
      return java.time.ZoneId.of(text);
    } catch (java.time.DateTimeException e) {
      throw ConfigValues.invalid("worklist.timezone", text, "a time zone such as Europe/Amsterdam");
    }
  }

  private static List<RoutingRule> rules(Object raw, Set<String> teams) {
    List<RoutingRule> rules = new ArrayList<>();
    if (raw == null) {
      return rules;
    }
    if (!(raw instanceof JsonArray array)) {
      throw ConfigValues.invalid("worklist.routing", raw, "a list of rules");
    }
    for (int i = 0; i < array.size(); i++) {
      String key = "worklist.routing[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject rule)) {
        throw ConfigValues.invalid(key, array.getValue(i), "a rule with team and conditions");
      }
      for (String field : rule.fieldNames()) {
        if (!RULE_KEYS.contains(field)) {
          throw ConfigValues.invalid(key + "." + field, rule.getValue(field), "one of " + RULE_KEYS);
        }
      }
      String team = rule.getString("team");
      if (team == null || !teams.contains(team)) {
        throw ConfigValues.invalid(key + ".team", team, "a team listed in worklist.teams " + teams);
      }
      String triageClass = rule.getString("triageClass");
      if (triageClass != null && !TRIAGE_CLASSES.contains(triageClass)) {
        throw ConfigValues.invalid(key + ".triageClass", triageClass, "one of " + TRIAGE_CLASSES);
      }
      List<String> keywords = new ArrayList<>();
      Object words = rule.getValue("keywords");
      if (words instanceof JsonArray list) {
        list.forEach(word -> keywords.add(String.valueOf(word)));
      } else if (words != null) {
        throw ConfigValues.invalid(key + ".keywords", words, "a list of words");
      }
      rules.add(new RoutingRule(team, rule.getString("channel"), rule.getString("language"), rule.getString("brand"),
          triageClass, keywords));
    }
    return rules;
  }
}
