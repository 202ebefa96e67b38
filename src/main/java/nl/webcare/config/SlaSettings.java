package nl.webcare.config;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.sla.BusinessHours;
import nl.webcare.sla.SlaBand;
import nl.webcare.sla.SlaPolicy;

/** Reads the {@code sla} part of the configuration: targets per band and each team's hours. */
final class SlaSettings {
  private SlaSettings() {}

  static SlaPolicy read(ConfigValues v, List<String> teams, ZoneId zone) {
    Map<SlaBand, Duration> first = targets(v, "sla.firstResponseMinutes");
    Map<SlaBand, Duration> resolution = targets(v, "sla.resolutionMinutes");
    Map<String, SlaPolicy.TeamHours> hours = new HashMap<>();
    Object raw = v.raw("sla.teams");
    if (raw != null && !(raw instanceof JsonObject)) {
      throw ConfigValues.invalid("sla.teams", raw, "a map of team name to {hours, afterHours}");
    }
    JsonObject byTeam = raw == null ? new JsonObject() : (JsonObject) raw;
    for (String team : byTeam.fieldNames()) {
      String key = "sla.teams." + team;
      if (!teams.contains(team)) {
        throw ConfigValues.invalid(key, team, "a team listed in worklist.teams " + teams);
      }
      if (!(byTeam.getValue(team) instanceof JsonObject entry)) {
        throw ConfigValues.invalid(key, byTeam.getValue(team), "{hours: \"mon-fri 08:00-20:00\", afterHours: pause}");
      }
      hours.put(team, teamHours(key, entry, teams, zone));
    }
    return new SlaPolicy(first, resolution, hours, zone);
  }

  private static SlaPolicy.TeamHours teamHours(String key, JsonObject entry, List<String> teams, ZoneId zone) {
    BusinessHours schedule;
    try {
      schedule = BusinessHours.parse(entry.getString("hours", "always"), zone);
    } catch (IllegalArgumentException e) {
      throw ConfigValues.invalid(key + ".hours", entry.getValue("hours"), "days and times such as "
          + "\"mon-fri 08:00-20:00; sat 10:00-16:00\" or \"always\" (" + e.getMessage() + ")");
    }
    String after = entry.getString("afterHours", "pause");
    if (after.equals("pause")) {
      return new SlaPolicy.TeamHours(schedule, null);
    }
    String onCall = after.startsWith("oncall:") ? after.substring("oncall:".length()) : null;
    if (onCall == null || !teams.contains(onCall)) {
      throw ConfigValues.invalid(key + ".afterHours", after, "pause, or oncall:<a team in worklist.teams>");
    }
    return new SlaPolicy.TeamHours(schedule, onCall);
  }

  private static Map<SlaBand, Duration> targets(ConfigValues v, String key) {
    Map<SlaBand, Duration> targets = new EnumMap<>(SlaBand.class);
    for (SlaBand band : SlaBand.values()) {
      targets.put(band, Duration.ofMinutes(v.intIn(key + "." + band.wire(), 1, 365 * 24 * 60)));
    }
    return targets;
  }
}
