package nl.webcare.delivery;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.webcare.app.WebcareApp;
import nl.webcare.config.WebcareConfig;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestConfig;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;

/**
 * A Webcare stopped in the middle of deliveries, as a crash leaves it (its lease still held, a request cut off),
 * and another process taking over: every alert arrives, and what arrives twice arrives with the same webhook-id.
 */
class WebhookRestartTest {
  private static final int ALERTS = 20;

  @Test
  void anotherProcessGoesOnWhereAStoppedOneLeftOffLosingNothing() {
    WireMockServer receiver = new WireMockServer(options().dynamicPort());
    receiver.start();
    receiver.stubFor(post("/crm").willReturn(aResponse().withStatus(200).withFixedDelay(150)));
    String prefix = TestRedis.newPrefix();
    Path connectors = TestRedis.tempDir();
    WebcareConfig config = TestConfig.create(TestRedis.url(), prefix, connectors.toString());
    Vertx first = Vertx.vertx();
    Vertx second = Vertx.vertx();
    try {
      WebcareApp one = Await.result(WebcareApp.start(first, config, RunningApp.LIGHT, Map.of()));
      ApiClient admin = new ApiClient(one.httpPort());
      String id = admin.post("/api/v1/subscriptions", new JsonObject()
          .put("url", "http://127.0.0.1:" + receiver.port() + "/crm").encode()).json().getString("id");
      List<String> raised = raise(prefix);
      Await.until("some deliveries", Duration.ofSeconds(20), () -> requests(receiver).size() >= 5);
      // WHEN the first process goes away mid-way, leaving its lease behind as a killed process does
      Await.result(one.stop());
      Await.result(first.close());
      try (UnifiedJedis redis = TestRedis.client()) {
        redis.set(new RedisKeys(prefix).subscriptionLease(id), "killed-process", SetParams.setParams().px(2000));
      }
      int before = requests(receiver).size();
      assertThat(before).isLessThan(ALERTS);
      WebcareApp two = Await.result(WebcareApp.start(second, config, RunningApp.LIGHT, Map.of()));
      // THEN the second takes over once the lease lapses, and every alert has arrived
      Await.until("every alert delivered", Duration.ofSeconds(30),
          () -> ids(requests(receiver)).containsAll(expectedIds(raised)));
      Await.result(two.stop());
      List<LoggedRequest> all = requests(receiver);
      assertThat(ids(all)).isEqualTo(expectedIds(raised));
      // at least once: a repeat is the alert that was in flight at the stop, under its own id
      assertThat(all.size() - ALERTS).isBetween(0, 2);
    } finally {
      Await.result(second.close());
      receiver.stop();
      TestRedis.cleanup(prefix);
    }
  }

  /** Twenty alerts as case filing writes them; their stream ids. */
  private static List<String> raise(String prefix) {
    List<String> ids = new ArrayList<>();
    try (UnifiedJedis redis = TestRedis.client()) {
      for (int i = 0; i < ALERTS; i++) {
        ids.add(redis.xadd(new RedisKeys(prefix).alertStream(), StreamEntryID.NEW_ENTRY, Map.of("type",
            "case.opened", "caseId", "WC-0000" + i, "at", Long.toString(System.currentTimeMillis()), "brand", "acme",
            "channel", "x", "team", "care", "excerpt", "complaint " + i, "urgency", "0.6")).toString());
      }
    }
    return ids;
  }

  private static Set<String> expectedIds(List<String> raised) {
    Set<String> out = new HashSet<>();
    raised.forEach(id -> out.add("msg_" + id));
    return out;
  }

  private static List<LoggedRequest> requests(WireMockServer receiver) {
    return receiver.findAll(postRequestedFor(urlEqualTo("/crm")));
  }

  private static Set<String> ids(List<LoggedRequest> requests) {
    Set<String> out = new HashSet<>();
    requests.forEach(r -> out.add(r.getHeader("webhook-id")));
    return out;
  }
}
