package nl.webcare.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.sla.BusinessHours;
import nl.webcare.sla.SlaBand;
import nl.webcare.sla.SlaPolicy;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.support.MovableClock;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.TestConfig;
import nl.webcare.triage.Triage;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.CaseCommand;
import nl.webcare.worklist.CaseReply;
import nl.webcare.worklist.RedisWorklist;
import nl.webcare.worklist.Transition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service report against a ledger the test keeps itself: 300 cases worked on a clock the test moves (claimed,
 * answered once or twice, resolved, dismissed, escalated to the expert team, reopened), and the report's figures
 * must equal what the ledger says happened.
 */
class ServiceReportTest {
  private static final Instant START = Instant.parse("2026-11-02T07:00:00Z");
  private static final List<Actor> AGENTS = List.of(new Actor("ann", false), new Actor("bob", false),
      new Actor("cas", false));
  private static final Actor EXPERT = new Actor("tess", false);
  private final MovableClock clock = new MovableClock(START);
  private RedisFixture fixture;
  private RedisWorklist worklist;

  /** What the test did to one case, and so what the report must say of it. */
  private record Ledger(String team, String agent, boolean resolved, Duration firstResponse, Duration resolution,
      Duration handle, boolean firstContact, boolean reopened, boolean escalated) {}

  @BeforeEach
  void setUp() {
    fixture = new RedisFixture();
    worklist = new RedisWorklist(fixture.redis, 10_000, Duration.ofHours(24), TestConfig.sla(),
        TestConfig.worklist().teams(), clock);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private Duration minutes(Random random, int max) {
    Duration d = Duration.ofMinutes(1 + random.nextInt(max));
    clock.advance(d);
    return d;
  }

  private void act(String id, Actor actor, CaseCommand command) {
    assertThat(Await.result(worklist.apply(id, actor, command)).outcome()).as(command.toString())
        .isEqualTo(Transition.Outcome.DONE);
  }

  private CaseCommand reply(Actor agent) {
    return new CaseCommand.Reply(new CaseReply(clock.instant(), agent.name(), "Sorry, on it", "forum", "p", null,
        null));
  }

  /** Files a complaint and works it one of six ways; what happened, by the ledger. */
  private Ledger work(int i, Random random) {
    ScoredMention s = Mentions.scored(Mentions.byAuthor("forum-src", "c" + i, "Broken again", "customer-" + i, null),
        SentimentLabel.NEGATIVE, -0.8);
    String id = Await.result(worklist.file(s, Triage.standard().decide(s), "care")).caseId();
    Actor agent = AGENTS.get(i % 3);
    int way = random.nextInt(10);
    Duration claim = minutes(random, 30);
    act(id, agent, new CaseCommand.Claim());
    Duration held = minutes(random, 20);
    if (way == 0) { // not for us
      act(id, agent, new CaseCommand.Dismiss("not_for_us"));
      return new Ledger("care", agent.name(), false, null, null, held, false, false, false);
    }
    if (way == 1) { // to the expert team, who answers and resolves
      act(id, agent, new CaseCommand.Escalate("tech", "needs an engineer"));
      Duration wait = minutes(random, 60);
      act(id, EXPERT, new CaseCommand.Claim());
      Duration expert = minutes(random, 20);
      act(id, EXPERT, reply(EXPERT));
      Duration after = minutes(random, 120);
      act(id, EXPERT, new CaseCommand.Resolve(null));
      Duration first = claim.plus(held).plus(wait).plus(expert);
      return new Ledger("tech", EXPERT.name(), true, first, first.plus(after), held.plus(expert), true, false, true);
    }
    act(id, agent, reply(agent));
    Duration first = claim.plus(held);
    Duration after = minutes(random, 120);
    boolean twice = way == 2;
    if (twice) {
      act(id, agent, reply(agent));
      after = after.plus(minutes(random, 60));
    }
    act(id, agent, new CaseCommand.Resolve(null));
    if (way == 3) { // reopened by hand two days later, worked 10 more minutes, resolved again
      clock.advance(Duration.ofDays(2));
      act(id, agent, new CaseCommand.Reopen("customer called back"));
      Duration more = minutes(random, 10);
      act(id, agent, new CaseCommand.Resolve(null));
      return new Ledger("care", agent.name(), true, first, first.plus(after).plus(Duration.ofDays(2)).plus(more),
          held.plus(more), false, true, false);
    }
    return new Ledger("care", agent.name(), true, first, first.plus(after), held, !twice, false, false);
  }

  @Test
  void theReportEqualsARecountOfThreeHundredCases() {
    Random random = new Random(5);
    List<Ledger> ledger = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      ledger.add(work(i, random));
      clock.advance(Duration.ofMinutes(1));
    }
    ServiceReport report = Await.result(new WorklistServiceFigures(worklist, TestConfig.sla(), java.time.ZoneId.of("Europe/Amsterdam"),
        fixture.vertx)
        .report(new ServiceQuery(START, clock.instant().plusSeconds(1), null, null, null, null)));

    ServiceGroup all = report.all();
    List<Ledger> resolved = ledger.stream().filter(Ledger::resolved).toList();
    assertThat(all.closed()).isEqualTo(300);
    assertThat(all.resolved()).isEqualTo(resolved.size());
    assertThat(all.dismissed()).isEqualTo(300 - resolved.size());
    assertThat(all.firstResponse()).isEqualTo(spread(resolved.stream().map(Ledger::firstResponse).toList()));
    assertThat(all.resolution()).isEqualTo(spread(resolved.stream().map(Ledger::resolution).toList()));
    assertThat(all.handleTime()).isEqualTo(spread(resolved.stream().map(Ledger::handle).toList()));
    // every team is open around the clock in this configuration: open hours are the wall clock
    assertThat(all.firstResponseOpenHours()).isEqualTo(all.firstResponse());
    assertThat(all.firstContactResolved()).isEqualTo((int) resolved.stream().filter(Ledger::firstContact).count());
    assertThat(all.reopened()).isEqualTo((int) ledger.stream().filter(Ledger::reopened).count());
    assertThat(all.escalated()).isEqualTo((int) ledger.stream().filter(Ledger::escalated).count());
    // per team and per agent who closed the case
    Map<String, Long> perTeam = new HashMap<>();
    ledger.forEach(l -> perTeam.merge(l.team(), 1L, Long::sum));
    assertThat(report.byTeam()).allSatisfy(g -> assertThat((long) g.closed()).isEqualTo(perTeam.get(g.name())));
    ServiceGroup tess = report.byAgent().stream().filter(g -> g.name().equals("tess")).findFirst().orElseThrow();
    assertThat(tess.closed()).isEqualTo((int) ledger.stream().filter(Ledger::escalated).count());
    // per local day of closing, the days add up to all
    assertThat(report.byDay().stream().mapToInt(ServiceGroup::closed).sum()).isEqualTo(300);
    assertThat(report.byDay().get(0).name()).isEqualTo("2026-11-02");
    // and a filter: one agent's cases only
    ServiceReport anns = Await.result(new WorklistServiceFigures(worklist, TestConfig.sla(), java.time.ZoneId.of("Europe/Amsterdam"),
        fixture.vertx)
        .report(new ServiceQuery(START, clock.instant().plusSeconds(1), null, null, "ann", null)));
    assertThat(anns.all().closed()).isEqualTo((int) ledger.stream().filter(l -> l.agent().equals("ann")).count());
  }

  private static Spread spread(List<Duration> durations) {
    List<Duration> sorted = durations.stream().sorted().toList();
    int n = sorted.size();
    return new Spread(n, sorted.get((int) Math.ceil(0.5 * n) - 1), sorted.get((int) Math.ceil(0.9 * n) - 1));
  }

  @Test
  void openHoursLeaveOutTheNightsAndTheWeekend() {
    // GIVEN a care team open on weekdays 08:00-18:00 (Amsterdam), and a complaint on Friday 17:50
    java.time.ZoneId amsterdam = java.time.ZoneId.of("Europe/Amsterdam");
    SlaPolicy policy = new SlaPolicy(Map.of(SlaBand.CRISIS, Duration.ofMinutes(15), SlaBand.HIGH, Duration.ofHours(1),
        SlaBand.NORMAL, Duration.ofHours(4), SlaBand.LOW, Duration.ofHours(24)),
        Map.of(SlaBand.CRISIS, Duration.ofHours(4), SlaBand.HIGH, Duration.ofHours(24), SlaBand.NORMAL,
            Duration.ofHours(72), SlaBand.LOW, Duration.ofDays(7)),
        Map.of("care", new SlaPolicy.TeamHours(BusinessHours.parse("mon-fri 08:00-18:00", amsterdam), null)),
        amsterdam);
    Instant friday = Instant.parse("2026-12-04T16:50:00Z");
    Instant monday = Instant.parse("2026-12-07T07:10:00Z"); // 08:10 in Amsterdam
    // THEN the customer waited 10 minutes on Friday and 10 on Monday of open time, 2 days and 14 hours of clock
    assertThat(policy.openTime("care", friday, monday)).isEqualTo(Duration.ofMinutes(20));
    assertThat(policy.openTime("care", monday, friday)).isZero();
    assertThat(policy.openTime("tech", friday, monday)).isEqualTo(Duration.between(friday, monday));
  }
}
