package nl.webcare.worklist;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import nl.webcare.sla.SlaPolicy;
import nl.webcare.sla.SlaBand;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.TestRedis;
import nl.webcare.triage.Triage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** A missed first response is flagged once, with one alert; an answered case is not. */
class SlaWatchTest {
  private RedisFixture fixture;
  private RedisWorklist worklist;
  private RedisSlaWatch watch;

  @BeforeEach
  void setUp() {
    fixture = new RedisFixture();
    Map<SlaBand, Duration> instant = Map.of(SlaBand.CRISIS, Duration.ofMillis(1), SlaBand.HIGH, Duration.ofMillis(1),
        SlaBand.NORMAL, Duration.ofMillis(1), SlaBand.LOW, Duration.ofMillis(1));
    SlaPolicy policy = new SlaPolicy(instant, Map.of(SlaBand.CRISIS, Duration.ofDays(1), SlaBand.HIGH, Duration.ofDays(1),
        SlaBand.NORMAL, Duration.ofDays(1), SlaBand.LOW, Duration.ofDays(1)), Map.of(), ZoneId.of("Europe/Amsterdam"));
    worklist = new RedisWorklist(fixture.redis, 1000, Duration.ofHours(24), policy, nl.webcare.support.TestConfig.worklist().teams());
    watch = new RedisSlaWatch(fixture.redis, 1000);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void aLateFirstResponseIsFlaggedOnceWithOneAlert() throws InterruptedException {
    String late = file("late-1", "ann-customer");
    String answered = file("answered-1", "bob-customer");
    reply(answered, new Actor("ann", false));
    Thread.sleep(20);
    Instant now = Instant.now();
    List<String> due = Await.result(watch.due("firstResponse", now, 10));
    assertThat(due).containsExactlyInAnyOrder(late, answered);
    assertThat(Await.result(watch.flag(late, "firstResponse", now))).isTrue();
    assertThat(Await.result(watch.flag(answered, "firstResponse", now))).isFalse();
    assertThat(Await.result(watch.flag(late, "firstResponse", now))).isFalse();
    assertThat(Await.result(watch.due("firstResponse", now, 10))).isEmpty();
    assertThat(Await.result(worklist.find(late)).sla().firstResponseBreachedAt()).isNotNull();
    assertThat(Await.result(worklist.find(answered)).sla().firstResponseBreachedAt()).isNull();
    try (UnifiedJedis client = TestRedis.client()) {
      List<StreamEntry> alerts = client.xrange(new RedisKeys(fixture.prefix).alertStream(), (StreamEntryID) null, null);
      assertThat(alerts.stream().filter(e -> "sla.breached".equals(e.getFields().get("type"))))
          .singleElement().satisfies(e -> {
            assertThat(e.getFields()).containsEntry("caseId", late).containsEntry("target", "firstResponse")
                .containsEntry("team", "care").containsKey("due")
                // what subscriptions filter on, as the case has it
                .containsEntry("brand", "testbrand").containsEntry("language", "en")
                .containsEntry("triageClass", "complaint").containsKey("urgency")
                // nobody holds the late case: no assignee at all, rather than an empty one
                .doesNotContainKey("assignee");
          });
    }
    assertThat(Await.result(worklist.details(late)).history()).extracting(e -> e.action()).contains("sla.breached");
  }

  @Test
  void whenTheCustomerWritesAgainAfterOurReplyANextReplyIsDueAndALateOneIsFlagged() throws InterruptedException {
    String id = file("again-1", "carla");
    Actor ann = new Actor("ann", false);
    reply(id, ann);
    assertThat(Await.result(worklist.find(id)).sla().nextReplyDue()).isNull();
    // the customer writes again: the case reopens with a next reply due
    assertThat(fileOutcome("again-2", "carla")).isEqualTo("reopened");
    assertThat(Await.result(worklist.find(id)).sla().nextReplyDue()).isNotNull();
    Thread.sleep(20);
    Instant now = Instant.now();
    assertThat(Await.result(watch.due("nextReply", now, 10))).containsExactly(id);
    assertThat(Await.result(watch.flag(id, "nextReply", now))).isTrue();
    assertThat(Await.result(worklist.find(id)).sla().nextReplyBreachedAt()).isNotNull();
    // answered and reopened once more: a fresh clock; answered before the watch looks: nothing to flag
    reply(id, ann);
    fileOutcome("again-3", "carla");
    assertThat(Await.result(worklist.find(id)).sla().nextReplyBreachedAt()).isNull();
    reply(id, ann);
    assertThat(Await.result(worklist.find(id)).sla().nextReplyDue()).isNull();
    Thread.sleep(20);
    assertThat(Await.result(watch.flag(id, "nextReply", Instant.now()))).isFalse();
  }

  private void reply(String id, Actor agent) {
    Await.result(worklist.apply(id, agent, new CaseCommand.Reply(new CaseReply(Instant.now(), agent.name(), "on it",
        "x", "1", null, "https://x.com/brand/status/1"))));
  }

  private String fileOutcome(String externalId, String author) {
    ScoredMention scored = Mentions.scored(Mentions.byAuthor("src", externalId, "still broken " + externalId, author,
        null), SentimentLabel.NEGATIVE, -0.8);
    return Await.result(worklist.file(scored, Triage.standard().decide(scored), "care")).outcome();
  }

  private String file(String externalId, String author) {
    ScoredMention scored = Mentions.scored(Mentions.byAuthor("src", externalId, "awful " + externalId, author, null),
        SentimentLabel.NEGATIVE, -0.8);
    return Await.result(worklist.file(scored, Triage.standard().decide(scored), "care")).caseId();
  }
}
