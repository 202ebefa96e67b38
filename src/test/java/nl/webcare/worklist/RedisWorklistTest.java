package nl.webcare.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import nl.webcare.mention.Mention;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.store.PageCursor;
import nl.webcare.store.RedisGateway;
import nl.webcare.support.Await;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.Mentions;
import nl.webcare.support.TestRedis;
import nl.webcare.triage.Triage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisWorklistTest {
  private RedisFixture fixture;
  private Vertx vertx;
  private String prefix;
  private RedisGateway redis;
  private RedisWorklist worklist;

  @BeforeEach
  void setUp() {
    fixture = new RedisFixture();
    vertx = fixture.vertx;
    prefix = fixture.prefix;
    redis = fixture.redis;
    worklist = new RedisWorklist(redis, 1000);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void openingTheSameMentionTwiceGivesOneCaseAndOneAlert() {
    // GIVEN a negative mention
    ScoredMention scored = negative("m-1", -0.8);
    // WHEN it is opened twice (a scorer retried after a crash)
    Case first = Await.result(worklist.open(scored, Triage.standard().decide(scored)));
    Case second = Await.result(worklist.open(scored, Triage.standard().decide(scored)));
    // THEN it is the same case, on the worklist once, announced once
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(first.id()).matches("WC-[0-9A-Z]{5}");
    assertThat(first.state()).isEqualTo(CaseState.NEW);
    try (RedisClient client = TestRedis.client()) {
      assertThat(client.zcard(prefix + "worklist:open")).isEqualTo(1);
      assertThat(client.xlen(prefix + "alerts")).isEqualTo(1);
    }
  }

  @Test
  void twentyAgentsClaimingAtOnceLeaveExactlyOneHolder() {
    Case opened = Await.result(worklist.open(negative("m-2", -0.9), Triage.standard().decide(negative("m-2", -0.9))));
    // WHEN 20 agents claim the same case at the same moment
    List<Future<Transition>> claims = new ArrayList<>();
    IntStream.range(0, 20).forEach(i -> claims.add(worklist.claim(opened.id(), "agent-" + i)));
    List<Transition> results = claims.stream().map(Await::result).toList();
    // THEN exactly one wins and all others are told who holds it
    List<Transition> won = results.stream().filter(t -> t.outcome() == Transition.Outcome.DONE).toList();
    assertThat(won).hasSize(1);
    String holder = won.get(0).current().assignee();
    assertThat(results.stream().filter(t -> t.outcome() == Transition.Outcome.HELD))
        .hasSize(19).allSatisfy(t -> assertThat(t.holder()).isEqualTo(holder));
    assertThat(Await.result(worklist.find(opened.id())).state()).isEqualTo(CaseState.ASSIGNED);
  }

  @Test
  void onlyTheHolderResolvesAndAResolvedCaseLeavesTheWorklist() {
    ScoredMention scored = negative("m-3", -0.7);
    Case opened = Await.result(worklist.open(scored, Triage.standard().decide(scored)));
    Await.result(worklist.claim(opened.id(), "ann"));
    // WHEN another agent tries to resolve it THEN that is refused, naming the holder
    Transition refused = Await.result(worklist.resolve(opened.id(), "bob"));
    assertThat(refused.outcome()).isEqualTo(Transition.Outcome.HELD);
    assertThat(refused.holder()).isEqualTo("ann");
    // WHEN the holder resolves it THEN it is resolved and off the open worklist
    Transition resolved = Await.result(worklist.resolve(opened.id(), "ann"));
    assertThat(resolved.outcome()).isEqualTo(Transition.Outcome.DONE);
    assertThat(resolved.current().state()).isEqualTo(CaseState.RESOLVED);
    assertThat(resolved.current().resolvedBy()).isEqualTo("ann");
    assertThat(Await.result(worklist.openCases(10, null)).cases()).isEmpty();
    // AND claiming or resolving it again says it is closed
    assertThat(Await.result(worklist.claim(opened.id(), "bob")).outcome()).isEqualTo(Transition.Outcome.CLOSED);
    assertThat(Await.result(worklist.resolve(opened.id(), "ann")).outcome()).isEqualTo(Transition.Outcome.CLOSED);
  }

  @Test
  void unknownCaseIsNotFound() {
    assertThat(Await.result(worklist.claim("WC-ZZZZZ", "ann")).outcome()).isEqualTo(Transition.Outcome.NOT_FOUND);
    assertThat(Await.result(worklist.find("WC-ZZZZZ"))).isNull();
  }

  @Test
  void pagesWalkTheWholeWorklistMostUrgentFirstWithoutRepeatsAcrossTies() {
    // GIVEN 25 cases, many with the same urgency and time (ties in the sorted set)
    for (int i = 0; i < 25; i++) {
      ScoredMention scored = negative("p-" + i, i % 3 == 0 ? -0.9 : -0.5);
      Await.result(worklist.open(scored, Triage.standard().decide(scored)));
    }
    // WHEN reading pages of 4
    List<Case> seen = new ArrayList<>();
    PageCursor cursor = null;
    do {
      Worklist.Page page = Await.result(worklist.openCases(4, cursor));
      seen.addAll(page.cases());
      cursor = page.next();
    } while (cursor != null);
    // THEN every case comes once, in non-increasing priority
    assertThat(seen).extracting(Case::id).doesNotHaveDuplicates().hasSize(25);
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i).priority()).isLessThanOrEqualTo(seen.get(i - 1).priority());
    }
    assertThat(seen.get(0).urgency()).isGreaterThan(seen.get(seen.size() - 1).urgency());
  }

  private static ScoredMention negative(String externalId, double score) {
    Mention mention = Mentions.mention("test-source", externalId, "bad service " + externalId);
    return Mentions.scored(mention, SentimentLabel.NEGATIVE, score);
  }
}
