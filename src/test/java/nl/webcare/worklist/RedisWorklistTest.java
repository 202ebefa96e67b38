package nl.webcare.worklist;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import nl.webcare.mention.Mention;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.store.PageCursor;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.TestRedis;
import nl.webcare.triage.PriorityFormula;
import nl.webcare.triage.Triage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** Cases on a real Redis: filing, grouping, every kind of move, and what must never happen. */
class RedisWorklistTest {
  private static final Actor ANN = new Actor("ann", false);
  private static final Actor BOB = new Actor("bob", false);
  private static final Actor LEAD = new Actor("lea", true);
  private RedisFixture fixture;
  private RedisWorklist worklist;

  @BeforeEach
  void setUp() {
    fixture = new RedisFixture();
    worklist = new RedisWorklist(fixture.redis, 1000, Duration.ofHours(24), nl.webcare.support.TestConfig.sla(),
        nl.webcare.support.TestConfig.worklist().teams());
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void filingTheSameMentionTwiceGivesOneCaseAndOneAlert() {
    ScoredMention scored = negative("m-1", "ann-customer", null);
    Worklist.Filing first = file(scored);
    Worklist.Filing again = file(scored);
    assertThat(first.outcome()).isEqualTo("opened");
    assertThat(again).isEqualTo(new Worklist.Filing(first.caseId(), "existing"));
    assertThat(first.caseId()).matches("WC-[0-9A-Z]{5}");
    assertThat(find(first.caseId()).state()).isEqualTo(CaseState.NEW);
    assertThat(find(first.caseId()).team()).isEqualTo("care");
    try (UnifiedJedis client = TestRedis.client()) {
      assertThat(client.zcard(new RedisKeys(fixture.prefix).activeCases())).isEqualTo(1);
      assertThat(client.xlen(new RedisKeys(fixture.prefix).alertStream())).isEqualTo(1);
    }
  }

  @Test
  void referencesAreShortUniqueAndNotACount() {
    List<String> ids = IntStream.range(0, 40).mapToObj(i -> file(negative("r-" + i, "author-r" + i, null)).caseId())
        .toList();
    assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("WC-[0-9A-Z]{5}"));
    assertThat(ids.get(1)).isNotEqualTo("WC-00002");
  }

  @Test
  void aNewMentionByTheSameAuthorOnTheSameChannelJoinsTheirCase() {
    String id = file(negative("g-1", "jan", null)).caseId();
    Worklist.Filing second = file(negative("g-2", "Jan", null));
    assertThat(second).isEqualTo(new Worklist.Filing(id, "joined"));
    CaseDetails details = Await.result(worklist.details(id));
    assertThat(details.current().mentionCount()).isEqualTo(2);
    assertThat(details.mentionIds()).hasSize(2);
    assertThat(details.history()).extracting(CaseEvent::action).containsExactly("opened", "mention.added");
    // another author, or no handle at all, is another case
    assertThat(file(negative("g-3", "piet", null)).caseId()).isNotEqualTo(id);
  }

  @Test
  void aMentionInTheSameConversationJoinsWhoeverWroteIt() {
    String id = file(negative("c-1", "jan", "thread-9")).caseId();
    assertThat(file(negative("c-2", "someone-else", "thread-9")).caseId()).isEqualTo(id);
  }

  @Test
  void aCustomersNewMentionReopensAWaitingOrResolvedCaseEvenWhenItNeedsNoReply() {
    String id = file(negative("w-1", "jan", null)).caseId();
    act(id, new CaseCommand.Claim(), ANN);
    act(id, reply(ANN), ANN);
    assertThat(find(id).state()).isEqualTo(CaseState.WAITING);
    // "thanks, but it still does not work" scores neutral: it needs no reply of its own, yet reopens the case
    Worklist.Filing back = file(Mentions.scored(mention("w-2", "jan", null), SentimentLabel.NEUTRAL, 0.0));
    assertThat(back).isEqualTo(new Worklist.Filing(id, "reopened"));
    assertThat(find(id).state()).isEqualTo(CaseState.ASSIGNED);
    assertThat(find(id).assignee()).isEqualTo("ann");
    act(id, new CaseCommand.Resolve(null), ANN);
    assertThat(file(negative("w-3", "jan", null)).outcome()).isEqualTo("reopened");
    // and a mention that needs no reply, from someone without a case, opens nothing
    assertThat(file(Mentions.scored(mention("w-4", "happy", null), SentimentLabel.POSITIVE, 0.9)).outcome())
        .isEqualTo("none");
  }

  @Test
  void theWaitCountsFromTheFirstUnansweredMentionAndStartsAgainAfterAReply() {
    String id = fileWithKey(negative("k-1", "jan", null), 1_000).caseId();
    // a second message before anyone answered: the case keeps the earlier, higher key (it has waited longer)
    fileWithKey(negative("k-2", "jan", null), 500);
    assertThat(find(id).priority()).isEqualTo(1_000);
    act(id, new CaseCommand.Claim(), ANN);
    act(id, reply(ANN), ANN);
    // after our reply the customer writes again: a new wait, with the new mention's key
    assertThat(fileWithKey(negative("k-3", "jan", null), 300).outcome()).isEqualTo("reopened");
    assertThat(find(id).priority()).isEqualTo(300);
  }

  @Test
  void sortKeysOfTheFormulaBeforeAgeAreRewrittenInTheHashAndEveryIndex() {
    long published = Instant.parse("2026-11-20T09:00:00Z").getEpochSecond();
    long oldKey = 50 * 10_000_000_000L + published; // urgency 0.50, as builds before 2026-11-25 wrote it
    String open = fileWithKey(negative("old-1", "ada", null), oldKey).caseId();
    act(open, new CaseCommand.Claim(), ANN);
    String closed = fileWithKey(negative("old-2", "bram", null), oldKey + 1).caseId();
    act(closed, new CaseCommand.Claim(), BOB);
    act(closed, new CaseCommand.Resolve(null), BOB);
    String current = fileWithKey(negative("new-1", "cor", null), -9_974_000_000L).caseId();
    try (UnifiedJedis client = TestRedis.client()) {
      // a damaged case (not a number where the key belongs) is left alone and does not stop the others
      client.hset(new RedisKeys(fixture.prefix).caseHash("WC-BAD00"), "priority", "not-a-number");
      client.zadd(new RedisKeys(fixture.prefix).casesInState("new"), 5, "WC-BAD00");
    }

    PriorityFormula formula = PriorityFormula.load();
    assertThat(Await.result(new PriorityKeyMigration(fixture.redis, formula).run())).isEqualTo(2);

    Instant opened = Instant.ofEpochMilli(Long.parseLong(hash(open).get("openedAt")));
    long expected = formula.priority(0.5, Instant.ofEpochSecond(published), opened);
    assertThat(find(open).priority()).isEqualTo(expected);
    try (UnifiedJedis client = TestRedis.client()) {
      RedisKeys keys = new RedisKeys(fixture.prefix);
      for (String index : List.of(keys.activeCases(), keys.casesInState("assigned"), keys.casesOfTeam("care"),
          keys.casesOfAssignee("ann"))) {
        assertThat(client.zscore(index, open)).as(index).isEqualTo((double) expected);
      }
      // the resolved case is re-keyed in its state's index and stays out of the active one
      assertThat(client.zscore(new RedisKeys(fixture.prefix).casesInState("resolved"), closed)).isNegative();
      assertThat(client.zscore(new RedisKeys(fixture.prefix).activeCases(), closed)).isNull();
    }
    assertThat(find(current).priority()).isEqualTo(-9_974_000_000L);
    // nothing left to do the second time
    assertThat(Await.result(new PriorityKeyMigration(fixture.redis, formula).run())).isZero();
  }

  @Test
  void aDismissedCaseIsNeverReopened() {
    String id = file(negative("d-1", "spammer", null)).caseId();
    Transition dismissed = act(id, new CaseCommand.Dismiss("spam"), ANN);
    assertThat(dismissed.state()).isEqualTo(CaseState.DISMISSED);
    Worklist.Filing next = file(negative("d-2", "spammer", null));
    assertThat(next.outcome()).isEqualTo("opened");
    assertThat(next.caseId()).isNotEqualTo(id);
  }

  @Test
  void twentyAgentsClaimingAtOnceLeaveExactlyOneHolder() {
    String id = file(negative("m-2", "x", null)).caseId();
    List<Future<Transition>> claims = new ArrayList<>();
    IntStream.range(0, 20).forEach(i -> claims.add(worklist.apply(id, new Actor("agent-" + i, false),
        new CaseCommand.Claim())));
    List<Transition> results = claims.stream().map(Await::result).toList();
    List<Transition> won = results.stream().filter(t -> t.outcome() == Transition.Outcome.DONE).toList();
    assertThat(won).hasSize(1);
    String holder = won.get(0).holder();
    assertThat(results.stream().filter(t -> t.outcome() == Transition.Outcome.HELD))
        .hasSize(19).allSatisfy(t -> assertThat(t.holder()).isEqualTo(holder));
    assertThat(find(id).assignee()).isEqualTo(holder);
    assertThat(Await.result(worklist.details(id)).history()).extracting(CaseEvent::action)
        .containsExactly("opened", "claim");
  }

  @Test
  void aForbiddenMoveIsRefusedWithTheStateAndChangesNothing() {
    String id = file(negative("f-1", "x", null)).caseId();
    act(id, new CaseCommand.Resolve(null), ANN);
    Map<String, String> before = hash(id);
    List<CaseEvent> historyBefore = Await.result(worklist.details(id)).history();
    Transition refused = act(id, new CaseCommand.Snooze(Instant.now().plusSeconds(3600)), ANN);
    assertThat(refused.outcome()).isEqualTo(Transition.Outcome.FORBIDDEN);
    assertThat(refused.state()).isEqualTo(CaseState.RESOLVED);
    assertThat(hash(id)).isEqualTo(before);
    assertThat(Await.result(worklist.details(id)).history()).isEqualTo(historyBefore);
    assertThat(act(id, new CaseCommand.Return(null), ANN).outcome()).isEqualTo(Transition.Outcome.FORBIDDEN);
  }

  @Test
  void onlyTheHolderOrALeadActsOnAHeldCase() {
    String id = file(negative("h-1", "x", null)).caseId();
    act(id, new CaseCommand.Claim(), ANN);
    Transition refused = act(id, new CaseCommand.Resolve(null), BOB);
    assertThat(refused.outcome()).isEqualTo(Transition.Outcome.HELD);
    assertThat(refused.holder()).isEqualTo("ann");
    assertThat(act(id, new CaseCommand.Release(), BOB).outcome()).isEqualTo(Transition.Outcome.HELD);
    // a lead hands it to bob, who releases it to the queue
    Transition reassigned = act(id, new CaseCommand.Reassign("bob"), LEAD);
    assertThat(reassigned.holder()).isEqualTo("bob");
    Transition released = act(id, new CaseCommand.Release(), BOB);
    assertThat(released.state()).isEqualTo(CaseState.NEW);
    assertThat(find(id).assignee()).isNull();
  }

  @Test
  void escalationMovesTheCaseToTheExpertQueueAndBack() {
    String id = file(negative("e-1", "x", null)).caseId();
    act(id, new CaseCommand.Claim(), ANN);
    Await.result(worklist.apply(id, ANN, new CaseCommand.Escalate("legal", "threatens to sue")));
    Case escalated = find(id);
    assertThat(escalated.state()).isEqualTo(CaseState.ESCALATED);
    assertThat(escalated.team()).isEqualTo("legal");
    assertThat(escalated.assignee()).isNull();
    assertThat(page(new CaseQuery("legal", null, null, null, null, null))).containsExactly(id);
    assertThat(page(new CaseQuery("care", null, null, null, null, null))).isEmpty();
    // a lawyer claims it there, and sends it back
    act(id, new CaseCommand.Claim(), new Actor("lawyer", false));
    assertThat(find(id).state()).isEqualTo(CaseState.ESCALATED);
    Await.result(worklist.apply(id, new Actor("lawyer", false), new CaseCommand.Return(null)));
    assertThat(find(id).team()).isEqualTo("care");
    assertThat(find(id).state()).isEqualTo(CaseState.NEW);
    assertThat(page(new CaseQuery("care", null, null, null, null, null))).containsExactly(id);
  }

  @Test
  void aSnoozedCaseWakesWhenItsTimeHasCome() {
    String id = file(negative("s-1", "x", null)).caseId();
    act(id, new CaseCommand.Claim(), ANN);
    Instant soon = Instant.now().plusMillis(200);
    Await.result(worklist.apply(id, ANN, new CaseCommand.Snooze(soon)));
    assertThat(find(id).state()).isEqualTo(CaseState.SNOOZED);
    assertThat(Await.result(worklist.snoozedUntil(Instant.now(), 10))).isEmpty();
    assertThat(Await.result(worklist.snoozedUntil(Instant.now().plusSeconds(1), 10))).containsExactly(id);
    Await.result(worklist.apply(id, Actor.SYSTEM, new CaseCommand.Wake()));
    assertThat(find(id).state()).isEqualTo(CaseState.ASSIGNED);
    assertThat(Await.result(worklist.snoozedUntil(Instant.now().plusSeconds(1), 10))).isEmpty();
  }

  @Test
  void aCustomersNewMentionWakesASnoozedCase() {
    String id = file(negative("sw-1", "dora", null)).caseId();
    Await.result(worklist.apply(id, ANN, new CaseCommand.Snooze(Instant.now().plusSeconds(3600))));
    assertThat(file(negative("sw-2", "dora", null))).isEqualTo(new Worklist.Filing(id, "reopened"));
    assertThat(find(id).state()).isEqualTo(CaseState.NEW);
    assertThat(find(id).snoozedUntil()).isNull();
    assertThat(Await.result(worklist.snoozedUntil(Instant.now().plusSeconds(7200), 10))).isEmpty();
  }

  @Test
  void notesAndTagsAreKeptWithTheirAuthorInTheHistory() {
    String id = file(negative("n-1", "x", null)).caseId();
    Await.result(worklist.apply(id, ANN, new CaseCommand.Note("Called the customer, refund promised by Friday")));
    assertThat(tag(id, ANN, Set.of("refund", "outage"), Set.of())).containsExactly("outage", "refund");
    assertThat(tag(id, BOB, Set.of(), Set.of("outage"))).containsExactly("refund");
    CaseDetails d = Await.result(worklist.details(id));
    assertThat(d.notes()).extracting(CaseNote::author, CaseNote::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ann", "Called the customer, refund promised by Friday"));
    assertThat(d.history()).extracting(CaseEvent::actor, CaseEvent::action).containsExactly(
        org.assertj.core.groups.Tuple.tuple("webcare", "opened"), org.assertj.core.groups.Tuple.tuple("ann", "note.added"),
        org.assertj.core.groups.Tuple.tuple("ann", "tags.changed"), org.assertj.core.groups.Tuple.tuple("bob", "tags.changed"));
    assertThat(act("WC-ZZZZZ", new CaseCommand.Note("x"), ANN).outcome()).isEqualTo(Transition.Outcome.NOT_FOUND);
  }

  @Test
  void unknownCaseIsNotFound() {
    assertThat(act("WC-ZZZZZ", new CaseCommand.Claim(), ANN).outcome()).isEqualTo(Transition.Outcome.NOT_FOUND);
    assertThat(find("WC-ZZZZZ")).isNull();
  }

  @Test
  void pagesWalkTheQueueMostUrgentFirstWithoutRepeatsAcrossTiesAndFilters() {
    for (int i = 0; i < 25; i++) {
      file(negative("p-" + i, "p-author-" + i, null, i % 3 == 0 ? -0.9 : -0.5));
    }
    String assigned = Await.result(worklist.cases(CaseQuery.ACTIVE, 1, null)).cases().get(0).id();
    act(assigned, new CaseCommand.Claim(), ANN);
    List<Case> seen = new ArrayList<>();
    PageCursor cursor = null;
    do {
      Worklist.Page page = Await.result(worklist.cases(CaseQuery.ACTIVE, 4, cursor));
      seen.addAll(page.cases());
      cursor = page.next();
    } while (cursor != null);
    assertThat(seen).extracting(Case::id).doesNotHaveDuplicates().hasSize(25);
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i).priority()).isLessThanOrEqualTo(seen.get(i - 1).priority());
    }
    assertThat(page(new CaseQuery(null, CaseState.NEW, null, null, null, null))).hasSize(24);
    assertThat(page(new CaseQuery(null, null, null, null, "ann", null))).containsExactly(assigned);
    assertThat(page(new CaseQuery(null, null, "x", null, null, null))).isEmpty();
    assertThat(page(new CaseQuery(null, null, null, null, null, 0.99))).isEmpty();
  }

  private List<String> page(CaseQuery query) {
    return Await.result(worklist.cases(query, 100, null)).cases().stream().map(Case::id).toList();
  }

  private Worklist.Filing file(ScoredMention scored) {
    return Await.result(worklist.file(scored, Triage.standard().decide(scored), "care"));
  }

  private Worklist.Filing fileWithKey(ScoredMention scored, long priority) {
    Triage.Decision d = Triage.standard().decide(scored);
    return Await.result(worklist.file(scored,
        new Triage.Decision(d.triageClass(), d.needsReply(), d.urgency(), priority, d.reasons()), "care"));
  }

  private Transition act(String id, CaseCommand command, Actor actor) {
    return Await.result(worklist.apply(id, actor, command));
  }

  private static CaseCommand.Reply reply(Actor agent) {
    return new CaseCommand.Reply(new CaseReply(Instant.now(), agent.name(), "We are on it", "x", "1", null,
        "https://x.com/brand/status/1"));
  }

  private Set<String> tag(String id, Actor actor, Set<String> add, Set<String> remove) {
    Await.result(worklist.apply(id, actor, new CaseCommand.Tags(add, remove)));
    return Await.result(worklist.tags(id));
  }

  private Case find(String id) {
    return Await.result(worklist.find(id));
  }

  private Map<String, String> hash(String id) {
    try (UnifiedJedis client = TestRedis.client()) {
      return client.hgetAll(new RedisKeys(fixture.prefix).caseHash(id));
    }
  }

  private static Mention mention(String externalId, String handle, String conversation) {
    return Mentions.byAuthor("test-source", externalId, "bad service " + externalId, handle, conversation);
  }

  private static ScoredMention negative(String externalId, String handle, String conversation) {
    return negative(externalId, handle, conversation, -0.8);
  }

  private static ScoredMention negative(String externalId, String handle, String conversation, double score) {
    return Mentions.scored(mention(externalId, handle, conversation), SentimentLabel.NEGATIVE, score);
  }
}
