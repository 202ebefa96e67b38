package nl.webcare.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * The SLA of the worklist: first-response and resolution targets per band, and each team's hours with
 * what happens after hours: the clock pauses ({@code pause}), or new cases go to an on-call team
 * ({@code oncall:TEAM}) whose hours then count.
 */
public final class SlaPolicy {

  /** One team's hours and after-hours rule; {@code onCall} null means the clock pauses. */
  public record TeamHours(BusinessHours hours, String onCall) {}

  /** The due times of a new case. */
  public record Due(String team, SlaBand band, Instant firstResponse, Instant resolution) {}

  private final Map<SlaBand, Duration> firstResponse;
  private final Map<SlaBand, Duration> resolution;
  private final Map<String, TeamHours> teams;
  private final TeamHours fallback;

  public SlaPolicy(Map<SlaBand, Duration> firstResponse, Map<SlaBand, Duration> resolution, Map<String, TeamHours> teams,
      ZoneId zone) {
    this.firstResponse = Map.copyOf(firstResponse);
    this.resolution = Map.copyOf(resolution);
    this.teams = Map.copyOf(teams);
    this.fallback = new TeamHours(BusinessHours.always(zone), null);
  }

  /**
   * The team that takes a case opened now (the on-call team when the routed team is closed and hands
   * over after hours) and its due times, counted in that team's open time.
   */
  public Due due(String routedTeam, String triageClass, double urgency, Instant openedAt) {
    SlaBand band = SlaBand.of(triageClass, urgency);
    TeamHours routed = hours(routedTeam);
    String team = routedTeam;
    if (routed.onCall() != null && !routed.hours().isOpen(openedAt)) {
      team = routed.onCall();
    }
    BusinessHours clock = hours(team).hours();
    return new Due(team, band, clock.addOpenTime(openedAt, firstResponse.get(band)),
        clock.addOpenTime(openedAt, resolution.get(band)));
  }

  /** The open time of {@code team}'s hours between two instants (all of it for a team open around the clock). */
  public java.time.Duration openTime(String team, Instant from, Instant to) {
    return hours(team).hours().openTimeBetween(from, to);
  }

  private TeamHours hours(String team) {
    return teams.getOrDefault(team, fallback);
  }
}
