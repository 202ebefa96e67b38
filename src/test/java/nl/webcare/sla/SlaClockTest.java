package nl.webcare.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SLA clocks over business hours, weekends, daylight saving and after-hours hand-over; the report's figures. */
class SlaClockTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final BusinessHours OFFICE = BusinessHours.parse("mon-fri 09:00-17:00", AMSTERDAM);

  @Test
  void aClockThatPausesAfterHoursRunsOnOverTheWeekend() {
    // Friday 27 November 2026, 16:30 in Amsterdam (15:30Z): half an hour left that day
    Instant friday = Instant.parse("2026-11-27T15:30:00Z");
    assertThat(OFFICE.addOpenTime(friday, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
    // opened on Saturday: the clock starts on Monday at 09:00
    Instant saturday = Instant.parse("2026-11-28T12:00:00Z");
    assertThat(OFFICE.addOpenTime(saturday, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    // opened at night on a weekday: from 09:00 that morning
    assertThat(OFFICE.addOpenTime(Instant.parse("2026-11-25T03:00:00Z"), Duration.ofMinutes(15)))
        .isEqualTo(Instant.parse("2026-11-25T08:15:00Z"));
    assertThat(OFFICE.isOpen(friday)).isTrue();
    assertThat(OFFICE.isOpen(saturday)).isFalse();
  }

  @Test
  void daylightSavingEndsOverTheWeekendAndLocalHoursStillCount() {
    // Friday 23 October 2026 16:00 CEST (14:00Z); summer time ends on Sunday 25 October
    Instant due = OFFICE.addOpenTime(Instant.parse("2026-10-23T14:00:00Z"), Duration.ofHours(4));
    // one hour on Friday, three on Monday from 09:00 CET: 12:00 CET = 11:00Z
    assertThat(due).isEqualTo(Instant.parse("2026-10-26T11:00:00Z"));
  }

  @Test
  void schedulesAreReadWithClearErrors() {
    BusinessHours split = BusinessHours.parse("mon-fri 08:00-12:00; mon-fri 13:00-17:00, sat 10:00-24:00", AMSTERDAM);
    // Monday 30 Nov 11:30 CET + 1h = 30 min before lunch, 30 min after: 13:30 CET
    assertThat(split.addOpenTime(Instant.parse("2026-11-30T10:30:00Z"), Duration.ofHours(1)))
        .isEqualTo(Instant.parse("2026-11-30T12:30:00Z"));
    assertThat(BusinessHours.parse("always", AMSTERDAM).addOpenTime(Instant.EPOCH, Duration.ofMinutes(15)))
        .isEqualTo(Instant.EPOCH.plusSeconds(900));
    assertThatThrownBy(() -> BusinessHours.parse("weekdays 9-5", AMSTERDAM)).hasMessageContaining("weekdays 9-5");
    assertThatThrownBy(() -> BusinessHours.parse("mon 17:00-09:00", AMSTERDAM)).hasMessageContaining("ends before");
  }

  @Test
  void afterHoursACaseGoesToTheOnCallTeamWhoseClockRuns() {
    SlaPolicy policy = new SlaPolicy(targets(15, 60, 240, 1440), targets(240, 1440, 4320, 10080),
        Map.of("care", new SlaPolicy.TeamHours(OFFICE, "oncall"),
            "oncall", new SlaPolicy.TeamHours(BusinessHours.always(AMSTERDAM), null),
            "legal", new SlaPolicy.TeamHours(OFFICE, null)), AMSTERDAM);
    Instant sundayNight = Instant.parse("2026-11-29T21:00:00Z");
    SlaPolicy.Due crisis = policy.due("care", "crisis", 1.0, sundayNight);
    assertThat(crisis.team()).isEqualTo("oncall");
    assertThat(crisis.band()).isEqualTo(SlaBand.CRISIS);
    assertThat(crisis.firstResponse()).isEqualTo(sundayNight.plus(Duration.ofMinutes(15)));
    // a team whose clock pauses keeps the case and starts counting on Monday
    SlaPolicy.Due paused = policy.due("legal", "complaint", 0.5, sundayNight);
    assertThat(paused.team()).isEqualTo("legal");
    assertThat(paused.band()).isEqualTo(SlaBand.NORMAL);
    assertThat(paused.firstResponse()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
    // in office hours the routed team keeps it
    assertThat(policy.due("care", "question", 0.2, Instant.parse("2026-11-30T10:00:00Z")).team()).isEqualTo("care");
  }

  @Test
  void theReportGivesAttainmentPercentilesAndBacklogByAge() {
    Instant now = Instant.parse("2026-11-30T12:00:00Z");
    Instant open = now.minus(Duration.ofHours(30));
    List<SlaReport.Row> opened = List.of(
        row("care", "x", open, open.plus(Duration.ofMinutes(10)), open.plus(Duration.ofMinutes(60)), false),
        row("care", "x", open, open.plus(Duration.ofMinutes(30)), open.plus(Duration.ofMinutes(60)), false),
        row("care", "appstore", open, open.plus(Duration.ofMinutes(200)), open.plus(Duration.ofMinutes(60)), true),
        row("legal", "x", open, null, open.plus(Duration.ofMinutes(60)), true));
    List<SlaReport.Row> active = List.of(row("legal", "x", open, null, null, true),
        row("care", "x", now.minus(Duration.ofMinutes(20)), null, null, false));
    JsonObject report = SlaReport.of(opened, active, now.minus(Duration.ofDays(7)), now, now);
    JsonObject overall = report.getJsonObject("overall");
    // 2 of 4 on time: the late answer and the unanswered overdue case count against
    assertThat(overall.getDouble("attainment")).isEqualTo(0.5);
    assertThat(overall.getLong("firstResponseMinutesMedian")).isEqualTo(30);
    assertThat(overall.getLong("firstResponseMinutesP90")).isEqualTo(200);
    assertThat(overall.getInteger("breaches")).isEqualTo(2);
    assertThat(overall.getJsonObject("backlog")).isEqualTo(new JsonObject().put("open", 2).put("under1h", 1)
        .put("1to4h", 0).put("4to24h", 0).put("1to3d", 1).put("over3d", 0));
    JsonObject legal = report.getJsonArray("teams").getJsonObject(1);
    assertThat(legal.getString("name")).isEqualTo("legal");
    assertThat(legal.getInteger("overdueUnanswered")).isEqualTo(1);
    assertThat(legal.getDouble("attainment")).isEqualTo(0.0);
    assertThat(report.getJsonArray("channels").getJsonObject(0).getString("name")).isEqualTo("appstore");
  }

  private static SlaReport.Row row(String team, String channel, Instant opened, Instant answered, Instant due,
      boolean breached) {
    return new SlaReport.Row(team, channel, opened, answered, due, false, breached);
  }

  private static Map<SlaBand, Duration> targets(int crisis, int high, int normal, int low) {
    return Map.of(SlaBand.CRISIS, Duration.ofMinutes(crisis), SlaBand.HIGH, Duration.ofMinutes(high),
        SlaBand.NORMAL, Duration.ofMinutes(normal), SlaBand.LOW, Duration.ofMinutes(low));
  }
}
