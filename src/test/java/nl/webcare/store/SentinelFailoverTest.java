package nl.webcare.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.webcare.inbox.RedisMentionInbox;
import nl.webcare.inbox.RedisScoringQueue;
import nl.webcare.inbox.ScoringQueue;
import nl.webcare.mention.RedisMentionStore;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * {@code redis-sentinel://} URLs: a primary, its replica and a sentinel of the test's own (redis-server processes);
 * Webcare's gateway finds the primary through the sentinel, and after a failover (SENTINEL FAILOVER) it writes to
 * the new primary, keeps what was written before, and its blocking stream reader connects to the new primary too.
 */
class SentinelFailoverTest {
  private final List<Process> servers = new ArrayList<>();
  private final Vertx vertx = Vertx.vertx();
  private RedisGateway redis;

  @AfterEach
  void stop() {
    if (redis != null) {
      redis.close();
    }
    Await.result(vertx.close());
    servers.forEach(Process::destroyForcibly);
  }

  @Test
  void theGatewayFollowsTheSentinelsThroughAFailoverWithoutLoss() throws Exception {
    Path dir = Files.createTempDirectory("webcare-sentinel");
    int primary = freePort();
    int replica = freePort();
    int sentinel = freePort();
    start(dir, EmbeddedRedisServer.serverCommand(), "--port", Integer.toString(primary), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no");
    start(dir, EmbeddedRedisServer.serverCommand(), "--port", Integer.toString(replica), "--bind", "127.0.0.1", "--save", "",
        "--appendonly", "no", "--replicaof", "127.0.0.1", Integer.toString(primary));
    Path conf = dir.resolve("sentinel.conf");
    Files.writeString(conf, "port " + sentinel + "\nbind 127.0.0.1\nsentinel monitor main 127.0.0.1 " + primary
        + " 1\nsentinel down-after-milliseconds main 1000\nsentinel failover-timeout main 5000\n");
    start(dir, EmbeddedRedisServer.serverCommand(), conf.toString(), "--sentinel");
    Await.until("the sentinel knows the primary's replica, in sync", Duration.ofSeconds(30), () -> {
      try (Jedis s = new Jedis("127.0.0.1", sentinel); Jedis r = new Jedis("127.0.0.1", replica)) {
        return !s.sentinelReplicas("main").isEmpty() && r.info("replication").contains("master_link_status:up");
      } catch (RuntimeException notYet) {
        return false;
      }
    });

    // GIVEN Webcare on the sentinel's URL, with mentions stored and one read by a blocking scorer read
    redis = RedisGateway.connect(vertx, "redis-sentinel://127.0.0.1:" + sentinel + "/main", "wc:", 8, 2000);
    RedisMentionStore store = new RedisMentionStore(redis, Duration.ofDays(1));
    RedisMentionInbox inbox = new RedisMentionInbox(redis, Duration.ofDays(1));
    RedisScoringQueue queue = new RedisScoringQueue(redis);
    Await.result(queue.ensureGroup());
    List<ScoredMention> before = mentions("before", 10);
    for (ScoredMention m : before) {
      Await.result(store.save(m));
    }
    Await.result(inbox.append(List.of(Mentions.mention("s", "queued-1", "my parcel never came"))));
    assertThat(Await.result(queue.readNew("c1", 10, Duration.ofSeconds(1)))).hasSize(1);
    Await.until("the replica has everything", Duration.ofSeconds(10), () -> {
      try (Jedis r = new Jedis("127.0.0.1", replica)) {
        return r.exists("wc:mention:" + before.get(9).mention().id());
      }
    });

    // WHEN the sentinel fails the primary over to the replica
    // (a sentinel that has not yet heard the replica's INFO answers NOGOODSLAVE: asked again, as an operator would)
    Await.until("the sentinel takes the failover", Duration.ofSeconds(30), () -> {
      try (Jedis s = new Jedis("127.0.0.1", sentinel)) {
        return "OK".equals(s.sentinelFailover("main"));
      } catch (redis.clients.jedis.exceptions.JedisDataException noGoodReplicaYet) {
        return false;
      }
    });
    Await.until("the replica is the primary", Duration.ofSeconds(30), () -> {
      try (Jedis s = new Jedis("127.0.0.1", sentinel)) {
        return s.sentinelGetMasterAddrByName("main").get(1).equals(Integer.toString(replica));
      }
    });

    // (the old primary takes writes until the sentinel has made it a replica, and loses them then: Redis Sentinel's
    // window of asynchronous replication, narrowed on the primary by min-replicas-to-write; so the test writes once
    // the old primary follows and the gateway has heard of the switch)
    Await.until("the old primary follows the new one, and the gateway knows", Duration.ofSeconds(30), () -> {
      try (Jedis old = new Jedis("127.0.0.1", primary)) {
        return old.info("replication").contains("role:slave") && redis.primary(redis.keys().mentionStream()).getPort() == replica;
      }
    });

    // THEN writes go on, what was written before is there, and the blocking reader reads from the new primary
    List<ScoredMention> after = mentions("after", 10);
    Await.until("the gateway writes to the new primary", Duration.ofSeconds(30), () -> {
      try {
        Await.result(store.save(after.get(0)));
        return true;
      } catch (RuntimeException stillSwitching) {
        return false;
      }
    });
    for (ScoredMention m : after.subList(1, after.size())) {
      Await.result(store.save(m));
    }
    for (ScoredMention m : before) {
      assertThat(Await.result(store.find(m.mention().id()))).isNotNull();
    }
    try (Jedis r = new Jedis("127.0.0.1", replica)) {
      assertThat(r.exists("wc:mention:" + after.get(9).mention().id())).isTrue();
    }
    Await.result(inbox.append(List.of(Mentions.mention("s", "queued-2", "still no refund"))));
    Await.until("the blocking reader reads from the new primary", Duration.ofSeconds(30), () -> {
      try {
        List<ScoringQueue.Message> read = Await.result(queue.readNew("c1", 10, Duration.ofSeconds(1)));
        return read.stream().anyMatch(m -> m.fields().toString().contains("still no refund"));
      } catch (RuntimeException reconnecting) {
        return false;
      }
    });
  }

  private static List<ScoredMention> mentions(String prefix, int n) {
    List<ScoredMention> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Mentions.scored(Mentions.mention("s", prefix + "-" + i, "awful service " + i), SentimentLabel.NEGATIVE,
          -0.7));
    }
    return out;
  }

  private void start(Path dir, String... command) throws Exception {
    servers.add(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("server-" + servers.size() + ".log").toFile()).start());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
