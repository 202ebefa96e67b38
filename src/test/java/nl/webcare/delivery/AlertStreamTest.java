package nl.webcare.delivery;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.app.WebcareApp;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.PushedComplaints;
import nl.webcare.support.RunningApp;
import nl.webcare.support.SseClient;
import nl.webcare.support.TestConfig;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

/** The live stream as an EventSource reads it: live, resumed on another process, capped, and rid of slow readers. */
class AlertStreamTest {
  private static PushedComplaints webcare;
  private static Vertx otherVertx;
  private static WebcareApp other;
  private static int port;

  @BeforeAll
  static void start() {
    webcare = new PushedComplaints();
    port = webcare.running.app.httpPort();
    otherVertx = Vertx.vertx();
    // a second process on the same Redis and key prefix, as a second instance behind a load balancer
    other = Await.result(WebcareApp.start(otherVertx, TestConfig.create(TestRedis.url(), webcare.running.prefix,
        TestRedis.tempDir().toString()), RunningApp.LIGHT, Map.of()));
  }

  @AfterAll
  static void stop() {
    Await.result(other.stop());
    Await.result(otherVertx.close());
    webcare.close();
  }

  private static String key(String owner, String role) {
    return webcare.api.newKey(owner, role);
  }

  private static SseClient.Event awaitEvent(SseClient sse, String type, String caseId) {
    SseClient.Event[] found = new SseClient.Event[1];
    Await.until(type + " of " + caseId + " streamed", Duration.ofSeconds(20), () -> {
      for (SseClient.Event e : sse.events()) {
        if (e.name().equals(type) && new JsonObject(e.data()).getString("caseId", "").equals(caseId)) {
          found[0] = e;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  @Test
  void newAlertsArriveLiveWithTheirCursorAsIdAndHeartbeatsBetween() {
    try (SseClient sse = new SseClient(port, "/api/v1/alerts/stream?type=case.opened", key("desk", "agent"),
        Map.of())) {
      assertThat(sse.status).isEqualTo(200);
      String caseId = webcare.complaint("sse-live", "nora", "Awful, my bill is wrong again and nobody helps");
      SseClient.Event event = awaitEvent(sse, "case.opened", caseId);
      JsonObject data = new JsonObject(event.data());
      assertThat(event.id()).isEqualTo(data.getString("cursor"));
      assertThat(data.getString("author")).isEqualTo("nora");
      Await.until("a heartbeat", Duration.ofSeconds(5), () -> sse.comments().stream()
          .anyMatch(c -> c.startsWith("heartbeat")));
      // the filter held: nothing but openings
      assertThat(sse.events()).allSatisfy(e -> assertThat(e.name()).isEqualTo("case.opened"));
    }
  }

  @Test
  void aClientThatReconnectsToAnotherProcessGetsExactlyWhatItMissed() {
    String analyst = key("marketing-screen", "analyst");
    String first = webcare.complaint("sse-resume-1", "otto", "Terrible service, my package is lost");
    String missedOne = webcare.complaint("sse-resume-2", "petra", "Awful, charged twice for one order");
    String missedTwo = webcare.complaint("sse-resume-3", "quinn", "Horrible app, it crashes every time");
    String cursor = webcare.api.get("/api/v1/alerts?type=case.opened&limit=500").json().getJsonArray("items")
        .stream().map(a -> (JsonObject) a).filter(a -> first.equals(a.getString("caseId"))).findFirst()
        .orElseThrow().getString("cursor");
    try (SseClient sse = new SseClient(other.httpPort(), "/api/v1/alerts/stream?type=case.opened", analyst,
        Map.of("Last-Event-ID", cursor))) {
      awaitEvent(sse, "case.opened", missedTwo);
      String live = webcare.complaint("sse-resume-4", "rosa", "Worst support ever, still no answer");
      awaitEvent(sse, "case.opened", live);
      List<String> cases = sse.events().stream().map(e -> new JsonObject(e.data()).getString("caseId")).toList();
      // in order, from the one after the cursor on, none twice
      assertThat(cases).containsSubsequence(missedOne, missedTwo, live).doesNotContain(first).doesNotHaveDuplicates();
      // an analyst's stream names nobody
      assertThat(sse.events()).allSatisfy(e -> assertThat(new JsonObject(e.data()).containsKey("author")).isFalse());
    }
  }

  @Test
  void aKeyHoldsAtMostItsStreamsOverEveryProcess() {
    String wall = key("wallboard", "integration");
    try (SseClient one = new SseClient(port, "/api/v1/alerts/stream", wall, Map.of());
        SseClient two = new SseClient(other.httpPort(), "/api/v1/alerts/stream", wall, Map.of());
        SseClient three = new SseClient(port, "/api/v1/alerts/stream", wall, Map.of())) {
      assertThat(List.of(one.status, two.status, three.status)).containsOnly(200);
      try (SseClient four = new SseClient(other.httpPort(), "/api/v1/alerts/stream", wall, Map.of())) {
        assertThat(four.status).isEqualTo(429);
        assertThat(four.errorBody()).contains("too_many_streams");
      }
      one.close();
      Await.until("the closed stream's slot is free", Duration.ofSeconds(10), () -> {
        try (SseClient again = new SseClient(port, "/api/v1/alerts/stream", wall, Map.of())) {
          return again.status == 200;
        }
      });
    }
  }

  @Test
  void aBadLastEventIdIsRefused() {
    try (SseClient sse = new SseClient(port, "/api/v1/alerts/stream", key("bad", "agent"),
        Map.of("Last-Event-ID", "yesterday"))) {
      assertThat(sse.status).isEqualTo(400);
      assertThat(sse.errorBody()).contains("Last-Event-ID");
    }
  }

  @Test
  void aRevokedKeysStreamEndsAtTheNextHeartbeat() {
    ApiClient admin = webcare.api;
    String revoked = key("leaver", "agent");
    String id = admin.get("/api/v1/keys?limit=500").json().getJsonArray("items").stream().map(k -> (JsonObject) k)
        .filter(k -> "leaver".equals(k.getString("owner"))).findFirst().orElseThrow().getString("id");
    try (SseClient sse = new SseClient(port, "/api/v1/alerts/stream", revoked, Map.of())) {
      assertThat(sse.status).isEqualTo(200);
      admin.delete("/api/v1/keys/" + id);
      Await.until("the stream ended", Duration.ofSeconds(10), sse::ended);
      assertThat(sse.events()).extracting(SseClient.Event::name).contains("webcare.closed");
      assertThat(sse.events().get(sse.events().size() - 1).data()).contains("key_revoked");
    }
  }

  @Test
  void aClientThatDoesNotReadIsDroppedWhileTheOthersGoOn() throws Exception {
    String slowKey = key("stuck-screen", "integration");
    String slowId = webcare.api.get("/api/v1/keys?limit=500").json().getJsonArray("items").stream()
        .map(k -> (JsonObject) k).filter(k -> "stuck-screen".equals(k.getString("owner"))).findFirst().orElseThrow()
        .getString("id");
    try (Socket stuck = new Socket("127.0.0.1", port);
        SseClient reader = new SseClient(port, "/api/v1/alerts/stream?type=case.opened", key("reader", "agent"),
            Map.of())) {
      assertThat(reader.status).isEqualTo(200);
      // GIVEN a client that asks for the stream and then never reads
      stuck.setReceiveBufferSize(4096);
      OutputStream out = stuck.getOutputStream();
      out.write(("GET /api/v1/alerts/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + slowKey
          + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String slots = new RedisKeys(webcare.running.prefix).alertStreamsOfKey(slowId);
      try (UnifiedJedis redis = TestRedis.client()) {
        Await.until("the stuck stream is open", Duration.ofSeconds(10), () -> redis.zcard(slots) == 1);
        // WHEN far more alerts come than fit its buffers
        String last = null;
        Map<String, String> fields = new HashMap<>(Map.of("type", "case.opened", "caseId", "WC-FLOOD",
            "at", Long.toString(System.currentTimeMillis()), "excerpt", "x".repeat(8_000)));
        for (int i = 0; i < 3_000; i++) {
          fields.put("caseId", "WC-F" + i);
          last = "WC-F" + i;
          redis.xadd(new RedisKeys(webcare.running.prefix).alertStream(), StreamEntryID.NEW_ENTRY, fields);
        }
        // THEN the stuck one is dropped (its slot freed), and the reader still gets the last alert
        Await.until("the stuck stream dropped", Duration.ofSeconds(30), () -> redis.zcard(slots) == 0);
        String lastCase = last;
        Await.until("the reader has everything", Duration.ofSeconds(30), () -> reader.events().stream()
            .anyMatch(e -> e.data().contains("\"" + lastCase + "\"")));
        assertThat(reader.ended()).isFalse();
      }
    }
  }
}
