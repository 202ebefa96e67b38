package nl.webcare.worklist;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.TestConfig;
import nl.webcare.support.TestRedis;
import nl.webcare.triage.Triage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import redis.clients.jedis.RedisClient;

/**
 * Every command against a case in every state, through the real script on a real Redis: the answer and the
 * case afterwards (state, holder, indexes) are what the move table says, and a refused command changes nothing.
 */
class CaseMoveTableTest {
  private static final Actor ANN = new Actor("ann", false);
  private static final Actor BOB = new Actor("bob", false);
  private static final Actor LEAD = new Actor("lea", true);
  private static RedisFixture fixture;
  private static RedisWorklist worklist;
  private static int counter;

  @BeforeAll
  static void setUp() {
    fixture = new RedisFixture();
    worklist = new RedisWorklist(fixture.redis, 1000, Duration.ofHours(24), TestConfig.sla(),
        TestConfig.worklist().teams());
  }

  @AfterAll
  static void tearDown() {
    fixture.close();
  }

  /** The commands, fresh each time (a reply and a hand-off carry the time they were made). */
  private static final Map<String, Supplier<CaseCommand>> COMMANDS = Map.ofEntries(
      Map.entry("claim", CaseCommand.Claim::new),
      Map.entry("release", CaseCommand.Release::new),
      Map.entry("reassign", () -> new CaseCommand.Reassign("bob")),
      Map.entry("escalate", () -> new CaseCommand.Escalate("tech", "needs an engineer")),
      Map.entry("return", () -> new CaseCommand.Return("fixed")),
      Map.entry("snooze", () -> new CaseCommand.Snooze(Instant.now().plusSeconds(3600))),
      Map.entry("wake", CaseCommand.Wake::new),
      Map.entry("reply", () -> new CaseCommand.Reply(new CaseReply(Instant.now(), "ann", "on it", "x", "1", null,
          "https://x.com/brand/status/1"))),
      Map.entry("resolve", () -> new CaseCommand.Resolve(null)),
      Map.entry("dismiss", () -> new CaseCommand.Dismiss("spam")),
      Map.entry("reopen", () -> new CaseCommand.Reopen(null)),
      Map.entry("note", () -> new CaseCommand.Note("called them")),
      Map.entry("tags", () -> new CaseCommand.Tags(Set.of("refund"), Set.of())),
      Map.entry("handoff", () -> new CaseCommand.Handoff(new CaseHandoff(Instant.now(), "ann", "dm", null,
          "we send the refund", "confirmation"))));

  @TestFactory
  List<DynamicTest> everyCommandInEveryStateDoesWhatTheTableSays() {
    List<DynamicTest> tests = new ArrayList<>();
    for (CaseState state : CaseState.values()) {
      for (var command : COMMANDS.entrySet()) {
        for (Actor actor : List.of(ANN, BOB, LEAD)) {
          tests.add(DynamicTest.dynamicTest(command.getKey() + " by " + actor.name() + " on a " + state.wire()
              + " case held by ann", () -> check(state, command.getValue().get(), actor)));
        }
      }
    }
    return tests;
  }

  private void check(CaseState state, CaseCommand command, Actor actor) {
    // GIVEN a case in the state, held by ann where the state allows a holder
    String id = caseIn(state);
    Case before = Await.result(worklist.find(id));
    assertThat(before.state()).isEqualTo(state);
    String named = command instanceof CaseCommand.Reassign r ? r.agent() : null;
    CaseMove.Decision expected = command.move().decide(state, before.assignee(), actor, named);
    Map<String, String> hashBefore = hash(id);

    // WHEN the command is applied through the real script
    Transition t = Await.result(worklist.apply(id, actor, command));

    // THEN the answer and the case are the table's
    assertThat(t.outcome()).isEqualTo(expected.outcome());
    Case after = Await.result(worklist.find(id));
    if (expected.outcome() != Transition.Outcome.DONE) {
      assertThat(hash(id)).as("a refused command changes nothing").isEqualTo(hashBefore);
      return;
    }
    assertThat(after.state()).isEqualTo(expected.state());
    assertThat(after.assignee()).isEqualTo(expected.holder());
    try (UnifiedJedis client = TestRedis.client()) {
      for (CaseState s : CaseState.values()) {
        assertThat(client.zscore(new RedisKeys(fixture.prefix).casesInState(s.wire()), id)).as("index of " + s.wire())
            .matches(score -> (score != null) == (s == after.state()));
      }
      assertThat(client.zscore(new RedisKeys(fixture.prefix).activeCases(), id) != null).isEqualTo(!after.state().closed());
      assertThat(client.zscore(new RedisKeys(fixture.prefix).closedCases(), id) != null).isEqualTo(after.state().closed());
      assertThat(client.zscore(new RedisKeys(fixture.prefix).snoozedCases(), id) != null)
          .isEqualTo(after.state() == CaseState.SNOOZED);
      if (!after.state().closed()) {
        assertThat(client.zscore(new RedisKeys(fixture.prefix).casesOfTeam(after.team()), id)).isNotNull();
      }
      if (after.assignee() != null && !after.state().closed()) {
        assertThat(client.zscore(new RedisKeys(fixture.prefix).casesOfAssignee(after.assignee()), id)).isNotNull();
      }
      if (before.assignee() != null && !before.assignee().equals(after.assignee())) {
        assertThat(client.zscore(new RedisKeys(fixture.prefix).casesOfAssignee(before.assignee()), id)).isNull();
      }
    }
  }

  /** A new case brought into {@code state} by the commands an agent would use. */
  private static String caseIn(CaseState state) {
    var scored = Mentions.scored(Mentions.byAuthor("table", "m-" + (++counter), "it is broken", "author-" + counter,
        null), SentimentLabel.NEGATIVE, -0.8);
    String id = Await.result(worklist.file(scored, Triage.standard().decide(scored), "care")).caseId();
    switch (state) {
      case NEW -> { }
      case ASSIGNED -> apply(id, new CaseCommand.Claim());
      case WAITING -> {
        apply(id, new CaseCommand.Claim());
        apply(id, COMMANDS.get("reply").get());
      }
      case ESCALATED -> {
        apply(id, new CaseCommand.Claim());
        apply(id, new CaseCommand.Escalate("legal", "threatens to sue"));
        apply(id, new CaseCommand.Claim());
      }
      case SNOOZED -> {
        apply(id, new CaseCommand.Claim());
        apply(id, COMMANDS.get("snooze").get());
      }
      case RESOLVED -> {
        apply(id, new CaseCommand.Claim());
        apply(id, new CaseCommand.Resolve(null));
      }
      case DISMISSED -> {
        apply(id, new CaseCommand.Claim());
        apply(id, new CaseCommand.Dismiss("spam"));
      }
    }
    return id;
  }

  private static void apply(String id, CaseCommand command) {
    assertThat(Await.result(worklist.apply(id, ANN, command)).outcome()).isEqualTo(Transition.Outcome.DONE);
  }

  private static Map<String, String> hash(String id) {
    try (UnifiedJedis client = TestRedis.client()) {
      return client.hgetAll(new RedisKeys(fixture.prefix).caseHash(id));
    }
  }
}
