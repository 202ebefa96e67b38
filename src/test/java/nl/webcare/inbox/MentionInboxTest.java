package nl.webcare.inbox;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import nl.webcare.store.RedisGateway;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import nl.webcare.support.Await;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.Mentions;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class MentionInboxTest {
  private RedisFixture fixture;
  private Vertx vertx;
  private String prefix;
  private RedisGateway redis;

  @BeforeEach
  void setUp() {
    fixture = new RedisFixture();
    vertx = fixture.vertx;
    prefix = fixture.prefix;
    redis = fixture.redis;
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void aMentionEntersTheStreamOncePerSourceAndExternalId() {
    MentionInbox inbox = new RedisMentionInbox(redis, Duration.ofDays(1));
    // GIVEN a batch with a duplicate, and the same external id from another source
    var batch = List.of(Mentions.mention("a", "1", "one"), Mentions.mention("a", "2", "two"),
        Mentions.mention("a", "1", "one again"), Mentions.mention("b", "1", "other source"));
    // WHEN it is appended, and appended again on the next poll
    MentionInbox.AppendResult first = Await.result(inbox.append(batch));
    MentionInbox.AppendResult second = Await.result(inbox.append(batch));
    // THEN three mentions are in the stream, once each
    assertThat(first).isEqualTo(new MentionInbox.AppendResult(3, 1));
    assertThat(second).isEqualTo(new MentionInbox.AppendResult(0, 4));
    try (UnifiedJedis client = TestRedis.client()) {
      assertThat(client.xlen(new RedisKeys(prefix).mentionStream())).isEqualTo(3);
    }
  }
}
