package nl.webcare.retention;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import nl.webcare.inbox.RedisScoringQueue;
import nl.webcare.inbox.RedisMentionInbox;
import nl.webcare.inbox.ScoringQueue;
import nl.webcare.inbox.MentionInbox;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class HousekeepingTest {
  private RedisFixture fixture;
  private ScoringQueue queue;

  @BeforeEach
  void setUp() {
    fixture = new RedisFixture();
    queue = new RedisScoringQueue(fixture.redis);
    Await.result(queue.ensureGroup());
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void acknowledgedMessagesAreTrimmedButPendingAndUnreadOnesStay() {
    // GIVEN 5 messages: 2 read and acknowledged, 1 read and still pending, 2 not read yet
    MentionInbox inbox = new RedisMentionInbox(fixture.redis, Duration.ofDays(1));
    for (int i = 0; i < 5; i++) {
      Await.result(inbox.append(List.of(Mentions.mention("s", "m" + i, "text " + i))));
    }
    List<ScoringQueue.Message> read = Await.result(queue.readNew("c1", 3));
    Await.result(queue.ack(read.get(0).id()));
    Await.result(queue.ack(read.get(1).id()));
    // WHEN housekeeping runs
    Housekeeping.Sweep sweep = Await.result(new Housekeeping(fixture.redis, Duration.ofDays(1), Duration.ofDays(30)).sweep());
    // THEN only the two acknowledged messages are gone
    assertThat(sweep.streamEntries()).isEqualTo(2);
    try (UnifiedJedis client = TestRedis.client()) {
      assertThat(client.xlen(new RedisKeys(fixture.prefix).mentionStream())).isEqualTo(3);
    }
    assertThat(Await.result(queue.readNew("c1", 10))).hasSize(2);
    // AND a duplicate of a trimmed mention is still refused by the inbox
    assertThat(Await.result(inbox.append(List.of(Mentions.mention("s", "m0", "again")))).duplicates()).isEqualTo(1);
  }

  @Test
  void aMentionPublishedLongAgoButReceivedTodayStaysListedForTheWholeRetention() {
    // GIVEN a review published 200 days ago that Webcare reads today
    var store = new nl.webcare.mention.RedisMentionStore(fixture.redis, Duration.ofDays(7));
    var old = Mentions.mention("reviews", "r-old", "Bad experience back then").withPublishedAt(
        java.time.Instant.now().minus(Duration.ofDays(200)));
    Await.result(store.save(Mentions.scored(old, nl.webcare.mention.SentimentLabel.NEGATIVE, -0.7)));
    // WHEN housekeeping drops what is older than the 7-day retention
    Await.result(new Housekeeping(fixture.redis, Duration.ofDays(7), Duration.ofDays(30)).sweep());
    // THEN it is still listed: indexes count from receipt, as the mention's own expiry does
    var page = Await.result(store.recent(new nl.webcare.mention.MentionStore.Query(null, null, null, 10, null)));
    assertThat(page.mentions()).extracting(m -> m.mention().id()).containsExactly(old.id());
  }

  @Test
  void aPublicationTimeBeyondTomorrowIsTakenAsTheTimeOfReceipt() {
    var now = java.time.Instant.now();
    var far = Mentions.mention("s", "future", "x").withPublishedAt(java.time.Instant.parse("9999-12-31T00:00:00Z"));
    assertThat(RedisMentionInbox.clamped(far, now).publishedAt()).isEqualTo(now);
    var soon = far.withPublishedAt(now.plus(Duration.ofHours(3)));
    assertThat(RedisMentionInbox.clamped(soon, now).publishedAt()).isEqualTo(soon.publishedAt());
  }

  @Test
  void anAuthorsIndexShedsWhatIsPastRetentionWhenTheyWriteAgainAndHousekeepingNeverVisitsIt() {
    var store = new nl.webcare.mention.RedisMentionStore(fixture.redis, Duration.ofDays(7));
    var first = Mentions.byAuthor("s", "a-1", "first", "jan", null);
    var second = Mentions.byAuthor("s", "a-2", "second", "jan", null);
    var scoredFirst = Mentions.scored(first, nl.webcare.mention.SentimentLabel.NEGATIVE, -0.5);
    // GIVEN jan's first mention was taken in ten days ago, past the 7-day retention
    Await.result(store.save(new nl.webcare.mention.ScoredMention(first, scoredFirst.sentiment(),
        java.time.Instant.now().minus(Duration.ofDays(10)))));
    String index = new RedisKeys(fixture.prefix).authorMentions("forum:jan");
    try (UnifiedJedis client = TestRedis.client()) {
      assertThat(client.zcard(index)).isEqualTo(1);
      // WHEN jan writes again
      Await.result(store.save(Mentions.scored(second, nl.webcare.mention.SentimentLabel.NEGATIVE, -0.5)));
      // THEN the index holds the new mention only
      assertThat(client.zrange(index, 0, -1)).containsExactly(second.id());
      // AND the mention indexes are registered by name, so a sweep needs no walk over the keyspace
      assertThat(client.smembers(new RedisKeys(fixture.prefix).mentionIndexes())).contains(new RedisKeys(fixture.prefix).mentionsByTime(),
          new RedisKeys(fixture.prefix).mentionsByLabel("negative"), new RedisKeys(fixture.prefix).mentionsBySource("s"),
          new RedisKeys(fixture.prefix).mentionsByBrand("testbrand"));
    }
  }

  @Test
  void indexEntriesOlderThanRetentionAreDropped() {
    try (UnifiedJedis client = TestRedis.client()) {
      client.zadd(new RedisKeys(fixture.prefix).mentionsByTime(), System.currentTimeMillis() - 10 * 86_400_000L, "old");
      client.zadd(new RedisKeys(fixture.prefix).mentionsByLabel("negative"), System.currentTimeMillis() - 10 * 86_400_000L, "old");
      client.zadd(new RedisKeys(fixture.prefix).mentionsByTime(), System.currentTimeMillis(), "new");
      Housekeeping.Sweep sweep = Await.result(new Housekeeping(fixture.redis, Duration.ofDays(7), Duration.ofDays(30)).sweep());
      assertThat(sweep.indexEntries()).isEqualTo(2);
      assertThat(client.zrange(new RedisKeys(fixture.prefix).mentionsByTime(), 0, -1)).containsExactly("new");
    }
  }

  @Test
  void closedCasesPastTheirRetentionGoWithEverythingOnThemAndOpenOnesStay() {
    // GIVEN a case resolved 40 days ago, one resolved today and one still open
    var worklist = new nl.webcare.worklist.RedisWorklist(fixture.redis, 1000, Duration.ofHours(24),
        nl.webcare.support.TestConfig.sla(), nl.webcare.support.TestConfig.worklist().teams());
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      var scored = Mentions.scored(Mentions.mention("s", "c" + i, "awful " + i), nl.webcare.mention.SentimentLabel.NEGATIVE,
          -0.8);
      ids.add(Await.result(worklist.file(scored, nl.webcare.triage.Triage.standard().decide(scored), "care")).caseId());
    }
    var agent = new nl.webcare.worklist.Actor("ann", false);
    for (int i = 0; i < 2; i++) {
      Await.result(worklist.apply(ids.get(i), agent, new nl.webcare.worklist.CaseCommand.Note("note")));
      Await.result(worklist.apply(ids.get(i), agent, new nl.webcare.worklist.CaseCommand.Resolve(null)));
    }
    try (UnifiedJedis client = TestRedis.client()) {
      client.zadd(new RedisKeys(fixture.prefix).closedCases(), System.currentTimeMillis() - 40 * 86_400_000L, ids.get(0));
      // WHEN housekeeping runs with a 30-day retention for closed cases
      Housekeeping.Sweep sweep = Await.result(new Housekeeping(fixture.redis, Duration.ofDays(7), Duration.ofDays(30))
          .sweep());
      // THEN only the old closed case is gone, with its notes and history
      assertThat(sweep.closedCases()).isEqualTo(1);
      assertThat(client.exists(new RedisKeys(fixture.prefix).caseHash(ids.get(0)))).isFalse();
      assertThat(client.exists(new RedisKeys(fixture.prefix).caseNotes(ids.get(0)))).isFalse();
      assertThat(client.exists(new RedisKeys(fixture.prefix).caseHistory(ids.get(0)))).isFalse();
      assertThat(client.zscore(new RedisKeys(fixture.prefix).casesInState("resolved"), ids.get(0))).isNull();
      assertThat(client.exists(new RedisKeys(fixture.prefix).caseHash(ids.get(1)))).isTrue();
      assertThat(client.exists(new RedisKeys(fixture.prefix).caseHash(ids.get(2)))).isTrue();
    }
  }
}
