package nl.webcare.inbox;

import redis.clients.jedis.UnifiedJedis;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import nl.webcare.store.StoreUnavailableException;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The scorers' blocking read (XREADGROUP BLOCK on a connection of its own): it answers when a mention comes, not at
 * the end of its wait; it leaves the shared pool free meanwhile; a connection lost while it waits is an outage that
 * the next read recovers from.
 */
class BlockingReadTest {
  private final RedisFixture fixture = new RedisFixture();
  private final RedisScoringQueue queue = new RedisScoringQueue(fixture.redis);
  private final MentionInbox inbox = new RedisMentionInbox(fixture.redis, Duration.ofDays(1));

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void aWaitingReadAnswersWithTheMentionPushedWhileItWaits() {
    Await.result(queue.ensureGroup());
    // GIVEN a read that would wait up to a minute for the empty stream
    Future<List<ScoringQueue.Message>> waiting = queue.readNew("c1", 10, Duration.ofMinutes(1));
    // AND while it waits the shared pool still serves (the wait holds none of its connections)
    String pong = Await.result(fixture.redis.call(jedis -> jedis.ping()));
    assertThat(pong).isEqualTo("PONG");
    // WHEN a mention is pushed
    Await.result(inbox.append(List.of(Mentions.mention("s", "m1", "my parcel never came"))));
    // THEN the read answers with it, long before its minute is up
    List<ScoringQueue.Message> read = Await.result(waiting, Duration.ofSeconds(20));
    assertThat(read).hasSize(1);
    assertThat(read.get(0).fields().toString()).contains("my parcel never came");
  }

  /** CLIENT LIST of the node that holds the mention stream (on a cluster, the master of its slot). */
  private String clients(UnifiedJedis client) {
    return new String((byte[]) client.sendCommand(fixture.redis.keys().mentionStream(),
        redis.clients.jedis.Protocol.Command.CLIENT, "LIST"),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aConnectionLostWhileWaitingIsAnOutageAndTheNextReadConnectsAgain() {
    Await.result(queue.ensureGroup());
    Future<List<ScoringQueue.Message>> waiting = queue.readNew("c1", 10, Duration.ofMinutes(1));
    // GIVEN the blocked reader's connection is killed by the server (a Redis restart or a network cut)
    try (UnifiedJedis client = TestRedis.client()) {
      Await.until("the reader waits in Redis", Duration.ofSeconds(10),
          () -> clients(client).contains("name=webcare-blocking") && clients(client).contains("cmd=xreadgroup"));
      String reader = clients(client).lines().filter(l -> l.contains("name=webcare-blocking")
          && l.contains("cmd=xreadgroup")).findFirst().orElseThrow();
      String id = reader.replaceAll("^id=(\\d+) .*", "$1");
      client.sendCommand(fixture.redis.keys().mentionStream(), redis.clients.jedis.Protocol.Command.CLIENT, "KILL",
          "ID", id);
    }
    // THEN the read fails as an outage (the scorer pauses and reads again)
    assertThat(Await.failure(waiting)).isInstanceOf(StoreUnavailableException.class);
    // AND the next read makes a new connection and gets what was pushed meanwhile
    Await.result(inbox.append(List.of(Mentions.mention("s", "m2", "still waiting for a refund"))));
    assertThat(Await.result(queue.readNew("c1", 10, Duration.ofSeconds(30)), Duration.ofSeconds(20))).hasSize(1);
  }
}
