package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import nl.webcare.app.WebcareApp;
import nl.webcare.store.EmbeddedRedisServer;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestConfig;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** A Redis that is up but refuses writes (out of memory, a read-only replica) is an outage: 503, never 500. */
class StoreRefusesWritesTest {
  private Vertx vertx;
  private EmbeddedRedisServer server;
  private RedisClient admin;
  private WebcareApp app;
  private ApiClient api;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    Path data = TestRedis.tempDir();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = EmbeddedRedisServer.start(data, port);
    admin = RedisClient.create("redis://127.0.0.1:" + port);
    app = Await.result(WebcareApp.start(vertx, TestConfig.create("redis://127.0.0.1:" + port, "faults:",
        TestRedis.tempDir().toString()), RunningApp.LIGHT, Map.of()));
    api = new ApiClient(app.httpPort());
  }

  @AfterEach
  void stop() {
    Await.result(app.stop());
    Await.result(vertx.close());
    admin.close();
    server.close();
  }

  @Test
  void outOfMemoryIs503WithRetryAfterAndWritesWorkAgainAfter() {
    admin.configSet("maxmemory-policy", "noeviction");
    admin.configSet("maxmemory", "1");
    ApiClient.Answer refused = api.post("/api/v1/keys", "{\"owner\":\"ann\",\"role\":\"agent\"}");
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.json().getString("error")).isEqualTo("store_unavailable");
    assertThat(api.postHeaders("/api/v1/keys", "{\"owner\":\"ann\",\"role\":\"agent\"}".getBytes())
        .firstValue("Retry-After")).contains("5");
    admin.configSet("maxmemory", "0");
    assertThat(api.post("/api/v1/keys", "{\"owner\":\"ann\",\"role\":\"agent\"}").status()).isEqualTo(201);
  }

  @Test
  void anOutageIsLoggedOnceWhenItBeginsAndOnceWhenItEnds() {
    var log = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    log.start();
    var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(nl.webcare.store.RedisGateway.class);
    logger.addAppender(log);
    try {
      admin.configSet("maxmemory-policy", "noeviction");
      admin.configSet("maxmemory", "1");
      for (int i = 0; i < 5; i++) {
        assertThat(api.post("/api/v1/keys", "{\"owner\":\"c" + i + "\",\"role\":\"agent\"}").status()).isEqualTo(503);
      }
      admin.configSet("maxmemory", "0");
      assertThat(api.post("/api/v1/keys", "{\"owner\":\"c9\",\"role\":\"agent\"}").status()).isEqualTo(201);
      // the end of an outage is a success after two quiet seconds (reads worked all along)
      Await.until("recovery logged", java.time.Duration.ofSeconds(15), () -> {
        api.get("/api/v1/worklist");
        return log.list.stream().anyMatch(e -> e.getFormattedMessage().equals("Redis serves again"));
      });
      assertThat(log.list).extracting(e -> e.getFormattedMessage())
          .filteredOn(m -> m.startsWith("Redis cannot serve")).hasSize(1);
      assertThat(log.list).extracting(e -> e.getFormattedMessage()).contains("Redis serves again");
    } finally {
      logger.detachAppender(log);
    }
  }

  @Test
  void aReadOnlyReplicaIs503() {
    admin.sendCommand(redis.clients.jedis.Protocol.Command.REPLICAOF, "127.0.0.1", "1");
    try {
      ApiClient.Answer refused = api.post("/api/v1/keys", "{\"owner\":\"bob\",\"role\":\"agent\"}");
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.json().getString("error")).isEqualTo("store_unavailable");
    } finally {
      admin.sendCommand(redis.clients.jedis.Protocol.Command.REPLICAOF, "NO", "ONE");
    }
    assertThat(api.post("/api/v1/keys", "{\"owner\":\"bob\",\"role\":\"agent\"}").status()).isEqualTo(201);
  }
}
