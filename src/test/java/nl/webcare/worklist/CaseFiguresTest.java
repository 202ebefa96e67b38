package nl.webcare.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.support.MovableClock;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.TestConfig;
import nl.webcare.triage.Triage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A case's own figures, on a clock the test moves: time held per agent, replies, reopenings, first contact. */
class CaseFiguresTest {
  private static final Actor ANN = new Actor("ann", false);
  private static final Actor BOB = new Actor("bob", false);
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T09:00:00Z"));
  private RedisFixture fixture;
  private RedisWorklist worklist;

  @BeforeEach
  void setUp() {
    fixture = new RedisFixture();
    worklist = new RedisWorklist(fixture.redis, 1000, Duration.ofHours(24), TestConfig.sla(),
        TestConfig.worklist().teams(), clock);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private String file(String externalId, String handle) {
    ScoredMention s = Mentions.scored(Mentions.byAuthor("forum-src", externalId, "It is broken again", handle, null),
        SentimentLabel.NEGATIVE, -0.8);
    return Await.result(worklist.file(s, Triage.standard().decide(s), "care")).caseId();
  }

  private void act(String id, Actor actor, CaseCommand command) {
    assertThat(Await.result(worklist.apply(id, actor, command)).outcome()).isEqualTo(Transition.Outcome.DONE);
  }

  private CaseCommand reply(Actor agent) {
    return new CaseCommand.Reply(new CaseReply(clock.instant(), agent.name(), "On it", "forum", "p1", null, null));
  }

  private CaseFigures figures(String id) {
    return Await.result(worklist.find(id)).figures();
  }

  @Test
  void timeHeldCountsOnlyWhileAnAgentWorksOnIt() {
    // GIVEN a complaint at 09:00, claimed by ann at 09:10 and answered at 09:25 (15 min held)
    String id = file("c1", "karin");
    clock.advance(Duration.ofMinutes(10));
    act(id, ANN, new CaseCommand.Claim());
    clock.advance(Duration.ofMinutes(15));
    act(id, ANN, reply(ANN));
    // WHEN the customer writes back at 11:25 (the case comes back to ann), who snoozes it 5 minutes later
    clock.advance(Duration.ofHours(2));
    file("c2", "karin");
    assertThat(Await.result(worklist.find(id)).state()).isEqualTo(CaseState.ASSIGNED);
    clock.advance(Duration.ofMinutes(5));
    act(id, ANN, new CaseCommand.Snooze(clock.instant().plus(Duration.ofHours(3))));
    // AND it wakes three hours later, ann hands it to bob after 4 minutes, and bob resolves it 6 minutes on
    clock.advance(Duration.ofHours(3));
    act(id, Actor.SYSTEM, new CaseCommand.Wake());
    clock.advance(Duration.ofMinutes(4));
    act(id, ANN, new CaseCommand.Release());
    act(id, BOB, new CaseCommand.Claim());
    clock.advance(Duration.ofMinutes(6));
    act(id, BOB, new CaseCommand.Resolve(null));
    // THEN ann held it 15 + 5 + 4 minutes, bob 6; nothing while it waited for the customer or slept
    CaseFigures f = figures(id);
    assertThat(f.heldMs()).isEqualTo(Map.of("ann", Duration.ofMinutes(24).toMillis(),
        "bob", Duration.ofMinutes(6).toMillis()));
    assertThat(f.handleTime()).isEqualTo(Duration.ofMinutes(30));
    assertThat(f.replies()).isEqualTo(1);
    assertThat(f.heldSince()).isNull();
    assertThat(f.firstContactResolution()).isTrue();
  }

  @Test
  void aReopeningOnDaySixLosesTheFirstContactResolutionAndOneOnDayEightDoesNot() {
    String early = file("d1", "lotte");
    String late = file("d2", "mark");
    for (String id : new String[] {early, late}) {
      act(id, ANN, new CaseCommand.Claim());
      act(id, ANN, reply(ANN));
      act(id, ANN, new CaseCommand.Resolve(null));
    }
    clock.advance(Duration.ofDays(6));
    act(early, ANN, new CaseCommand.Reopen("customer called"));
    clock.advance(Duration.ofDays(2));
    // the other case is reopened on day 8, after the window
    act(late, ANN, new CaseCommand.Reopen("the customer wrote again"));
    assertThat(figures(early).reopens()).isEqualTo(1);
    assertThat(figures(early).firstContactResolution()).isFalse();
    assertThat(figures(late).reopens()).isEqualTo(1);
    assertThat(figures(late).firstContactResolution()).isTrue();
  }

  @Test
  void aCustomerWhoWritesToAResolvedCaseReopensItAndCountsAsAReopening() {
    String id = file("e1", "noor");
    act(id, ANN, new CaseCommand.Claim());
    act(id, ANN, reply(ANN));
    act(id, ANN, reply(ANN));
    act(id, ANN, new CaseCommand.Resolve(null));
    clock.advance(Duration.ofHours(3));
    file("e2", "noor");
    CaseFigures f = figures(id);
    assertThat(f.reopens()).isEqualTo(1);
    assertThat(f.replies()).isEqualTo(2);
    assertThat(f.repliesAtFirstResolution()).isEqualTo(2);
    assertThat(f.firstContactResolution()).isFalse(); // two replies before it was resolved
    assertThat(f.heldSince()).isEqualTo(clock.instant()); // back in ann's hands, her clock runs
    act(id, ANN, new CaseCommand.Escalate("tech", "needs an engineer"));
    assertThat(figures(id).escalations()).isEqualTo(1);
  }
}
