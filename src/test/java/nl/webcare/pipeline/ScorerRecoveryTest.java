package nl.webcare.pipeline;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import nl.webcare.inbox.RedisScoringQueue;
import nl.webcare.inbox.RedisMentionInbox;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.webcare.config.WebcareConfig;
import nl.webcare.mention.Mention;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;
import nl.webcare.sentiment.SentimentAnalyzer;
import nl.webcare.inbox.MentionInbox;
import nl.webcare.store.RedisGateway;
import nl.webcare.mention.RedisMentionStore;
import nl.webcare.inbox.ScoringQueue;
import nl.webcare.support.Await;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.Mentions;
import nl.webcare.support.SharedAnalyzer;
import nl.webcare.support.TestConfig;
import nl.webcare.support.TestRedis;
import nl.webcare.worklist.CaseRouter;
import nl.webcare.worklist.RedisWorklist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

class ScorerRecoveryTest {
  private RedisFixture fixture;
  private Vertx vertx;
  private String prefix;
  private RedisGateway redis;
  private ScoringQueue queue;
  private WorkerExecutor pool;

  @BeforeEach
  void setUp() {
    fixture = new RedisFixture();
    vertx = fixture.vertx;
    prefix = fixture.prefix;
    redis = fixture.redis;
    queue = new RedisScoringQueue(redis);
    pool = vertx.createSharedWorkerExecutor("test-scoring", 2);
    Await.result(queue.ensureGroup());
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void messagesOfAScorerThatDiedBeforeAcknowledgingAreFinishedByAnother() {
    // GIVEN 6 fed mentions, one of them fed twice, half of them negative
    List<Mention> fed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      fed.add(Mentions.mention("feed", "item-" + i, i % 2 == 0
          ? "This is terrible. The worst service ever, I am furious." : "Thank you, the service was wonderful and fast!"));
    }
    fed.add(fed.get(0));
    Await.result(new RedisMentionInbox(redis, Duration.ofDays(1)).append(fed));
    // AND a scorer that read them all and died before acknowledging any
    List<ScoringQueue.Message> taken = Await.result(queue.readNew("crashed-scorer", 100));
    assertThat(taken).hasSize(6);
    // WHEN another scorer runs
    deployScorer("healthy-scorer", SharedAnalyzer.get(), Duration.ofMillis(200), 5);
    // THEN it claims and finishes every message: each mention stored once, each negative one a case once
    Await.until("all messages acknowledged", Duration.ofSeconds(60), () -> pendingCount() == 0 && storedCount() == 6);
    try (UnifiedJedis client = TestRedis.client()) {
      assertThat(client.zcard(new RedisKeys(prefix).mentionsByTime())).isEqualTo(6);
      long negatives = client.zcard(new RedisKeys(prefix).mentionsByLabel("negative"));
      assertThat(negatives).isGreaterThanOrEqualTo(3);
      assertThat(client.zcard(new RedisKeys(prefix).activeCases())).isEqualTo(negatives);
      assertThat(client.xlen(new RedisKeys(prefix).alertStream())).isEqualTo(negatives);
    }
  }

  @Test
  void aLargeBacklogOfADeadScorerIsClaimedPageByPageAndTheDeadConsumerLeavesTheGroup() {
    // GIVEN 40 mentions that a scorer read and died on (more than two claim pages of 16)
    List<Mention> fed = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      fed.add(Mentions.mention("feed", "backlog-" + i, "Thank you, all good " + i));
    }
    Await.result(new RedisMentionInbox(redis, Duration.ofDays(1)).append(fed));
    assertThat(Await.result(queue.readNew("dead-scorer", 100))).hasSize(40);
    // WHEN a healthy scorer runs THEN it finishes them all, and the dead consumer is removed once it holds nothing
    deployScorer("live-scorer", SharedAnalyzer.get(), Duration.ofMillis(200), 5);
    Await.until("the backlog is done", Duration.ofSeconds(60), () -> pendingCount() == 0 && storedCount() == 40);
    Await.until("the dead consumer is gone", Duration.ofSeconds(30), () -> consumers().equals(List.of("live-scorer")));
  }

  private List<String> consumers() {
    try (UnifiedJedis client = TestRedis.client()) {
      return client.xinfoConsumers2(new RedisKeys(prefix).mentionStream(), "scorers").stream().map(c -> c.getName()).toList();
    }
  }

  @Test
  void aMessageThatKeepsFailingGoesToTheDeadLettersAndDoesNotBlockTheOthers() {
    // GIVEN an analyzer that fails on one text, and that text fed before a good one
    AtomicInteger attempts = new AtomicInteger();
    SentimentAnalyzer flaky = text -> {
      if (text.contains("POISON")) {
        attempts.incrementAndGet();
        throw new IllegalStateException("model failure on this text");
      }
      return new SentimentResult(SentimentLabel.NEUTRAL, 0, Probabilities.UNKNOWN, "en", List.of(), List.of(), false);
    };
    Await.result(new RedisMentionInbox(redis, Duration.ofDays(1)).append(List.of(
        Mentions.mention("feed", "bad", "POISON text"), Mentions.mention("feed", "good", "a normal text"))));
    // WHEN a scorer with at most 3 attempts runs
    deployScorer("scorer", flaky, Duration.ofMillis(100), 3);
    // THEN the good one is stored at once, and the bad one ends in the dead letters with its last error
    Await.until("good mention stored", Duration.ofSeconds(20), () -> storedCount() == 1);
    Await.until("bad message dead-lettered", Duration.ofSeconds(20), () -> deadLetterCount() == 1);
    ScoringQueue.Message dead = Await.result(queue.deadLetters(10)).get(0);
    assertThat(dead.fields()).containsEntry("externalId", "bad")
        .containsEntry("deadLetter.lastError", "IllegalStateException: model failure on this text");
    assertThat(attempts.get()).isEqualTo(3);
    assertThat(pendingCount()).isZero();
  }

  @Test
  void anUnreadableMessageGoesStraightToTheDeadLetters() {
    // GIVEN a message in the stream that is not a mention at all
    try (UnifiedJedis client = TestRedis.client()) {
      client.xadd(new RedisKeys(prefix).mentionStream(), XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY), Map.of("garbage", "yes"));
    }
    deployScorer("scorer", SharedAnalyzer.get(), Duration.ofMillis(100), 5);
    Await.until("dead-lettered", Duration.ofSeconds(20), () -> deadLetterCount() == 1);
    ScoringQueue.Message dead = Await.result(queue.deadLetters(10)).get(0);
    assertThat(dead.fields().get("deadLetter.reason")).startsWith("unreadable message");
    assertThat(pendingCount()).isZero();
  }

  private void deployScorer(String consumer, SentimentAnalyzer analyzer, Duration claimIdle, int maxAttempts) {
    WebcareConfig.Scoring settings = TestConfig.scoring(claimIdle, maxAttempts);
    MentionScorer scorer = new MentionScorer(queue, new RedisMentionStore(redis, Duration.ofDays(1)),
        new RedisWorklist(redis, 1000, Duration.ofHours(24), TestConfig.sla(), TestConfig.worklist().teams()),
        new CaseRouter(List.of(), "care"), new nl.webcare.triage.MentionAssessor(analyzer, nl.webcare.triage.Triage.standard()), pool,
        maxAttempts, SourceRoles.NONE, nl.webcare.sentiment.AspectLexicon.load(),
        new nl.webcare.analytics.spikes.ActiveSpikes(), null);
    Await.result(vertx.deployVerticle(new ScorerVerticle(queue, scorer, settings, consumer)));
  }

  private long pendingCount() {
    try (UnifiedJedis client = TestRedis.client()) {
      return client.xpending(new RedisKeys(prefix).mentionStream(), "scorers").getTotal();
    }
  }

  private long storedCount() {
    try (UnifiedJedis client = TestRedis.client()) {
      return client.zcard(new RedisKeys(prefix).mentionsByTime());
    }
  }

  private long deadLetterCount() {
    try (UnifiedJedis client = TestRedis.client()) {
      return client.exists(new RedisKeys(prefix).deadLetterStream()) ? client.xlen(new RedisKeys(prefix).deadLetterStream()) : 0;
    }
  }
}
