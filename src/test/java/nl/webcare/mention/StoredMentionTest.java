package nl.webcare.mention;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The stored form of a mention: one packed string with short names, read back whole; a mention stored as a hash
 * before mentions were packed is still read, found, listed and erased until it expires.
 */
class StoredMentionTest {
  private final RedisFixture fixture = new RedisFixture();
  private final RedisMentionStore store = new RedisMentionStore(fixture.redis, Duration.ofDays(7));

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void aMentionIsKeptAsOnePackedStringAndReadBackWhole() {
    Mention m = new Mention(Mention.idFor("x", "1"), "x", "x", "acme", "1", "Ann", "A title",
        "My parcel never came, three weeks now. Nobody answers my mails and the chat is closed.",
        "https://x.test/1", Instant.parse("2026-12-01T10:00:00Z"), "en", 2, "5.1",
        new MentionDetails("ann", 120L, true, "conv-1", "tweet-0", 7, false));
    SentimentResult sentiment = new SentimentResult(SentimentLabel.NEGATIVE, -0.7342, new Probabilities(0.9, 0.08, 0.02),
        "en", List.of(new SentenceSentiment(0, 1, -0.5, new Probabilities(0.8, 0.1, 0.1))),
        List.of("complaint:never came", "corenlp:negative:-0.50"), true);
    ScoredMention scored = new ScoredMention(m, sentiment, Instant.parse("2026-12-01T10:00:05Z"));
    Await.result(store.save(scored));
    try (UnifiedJedis client = TestRedis.client()) {
      String key = new RedisKeys(fixture.prefix).mention(m.id());
      assertThat(client.type(key)).isEqualTo("string");
      assertThat(client.get(key)).doesNotContain("\"id\"").contains("\"t\":\"My parcel never came");
      assertThat(client.pttl(key)).isPositive();
    }
    ScoredMention read = Await.result(store.find(m.id()));
    assertThat(read.mention()).isEqualTo(m);
    assertThat(read.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(read.sentiment().score()).isEqualTo(-0.7342);
    assertThat(read.sentiment().cues()).containsExactly("complaint:never came", "corenlp:negative:-0.50");
    assertThat(read.sentiment().truncated()).isTrue();
    assertThat(read.scoredAt()).isEqualTo(scored.scoredAt());
  }

  @Test
  void aMentionStoredAsAHashBeforeIsStillReadFoundAndListed() {
    ScoredMention scored = Mentions.scored(Mentions.mention("s", "old-1", "awful, still waiting"),
        SentimentLabel.NEGATIVE, -0.6);
    ScoredMention packed = Mentions.scored(Mentions.mention("s", "new-1", "awful, waiting again"),
        SentimentLabel.NEGATIVE, -0.6);
    Await.result(store.save(scored));
    Await.result(store.save(packed));
    try (UnifiedJedis client = TestRedis.client()) {
      // the first as an older Webcare stored it
      String key = new RedisKeys(fixture.prefix).mention(scored.mention().id());
      client.del(key);
      client.hset(key, MentionCodec.scoredFields(scored));
    }
    assertThat(Await.result(store.find(scored.mention().id())).mention().text()).isEqualTo("awful, still waiting");
    Map<String, ScoredMention> both = Await.result(store.findAll(List.of(scored.mention().id(), packed.mention().id())));
    assertThat(both).containsOnlyKeys(scored.mention().id(), packed.mention().id());
    assertThat(Await.result(store.recent(new MentionStore.Query(null, null, null, 10, null))).mentions()).hasSize(2);
  }
}
