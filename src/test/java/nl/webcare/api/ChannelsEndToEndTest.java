package nl.webcare.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static nl.webcare.support.ConnectorHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.webcare.WebcareApp;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.SharedAnalyzer;
import nl.webcare.support.TestConfig;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** X and Kiyoh connectors, and an X connector whose token was revoked, in one running Webcare. */
class ChannelsEndToEndTest {
  private static WireMockServer remote;
  private static Vertx vertx;
  private static String prefix;
  private static WebcareApp app;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    remote = new WireMockServer(options().dynamicPort());
    remote.start();
    // the brand's mentions: the same page on every poll, as X would send it when nothing is new
    remote.stubFor(get(urlPathEqualTo("/2/users/777/mentions")).willReturn(fixture("x/mentions-page2.json",
        "application/json")));
    remote.stubFor(get(urlPathEqualTo("/2/users/888/mentions")).willReturn(fixture("x/error-401.json",
        "application/json").withStatus(401)));
    remote.stubFor(get(urlPathEqualTo("/kiyoh/v1/review/feed.xml")).willReturn(fixture("kiyoh/feed.xml",
        "application/xml")));
    Path connectors = TestRedis.tempDir();
    String base = "http://127.0.0.1:" + remote.port();
    write(connectors, "x-acme", "type: x\nurl: " + base + "/2/\nuserId: \"777\"\nbearerTokenEnv: X_BEARER\n");
    write(connectors, "x-revoked", "type: x\nurl: " + base + "/2/\nuserId: \"888\"\nbearerTokenEnv: X_BEARER\n");
    write(connectors, "kiyoh-acme", "type: kiyoh\nurl: " + base + "/kiyoh/v1/review/feed.xml\nhashEnv: KIYOH_HASH\n");
    vertx = Vertx.vertx();
    prefix = TestRedis.newPrefix();
    app = Await.result(WebcareApp.start(vertx, TestConfig.create(TestRedis.url(), prefix, connectors.toString()),
        SharedAnalyzer::get, Map.of("X_BEARER", "bearer-1", "KIYOH_HASH", "hash-1")));
    api = new ApiClient(app.httpPort());
    Await.until("X and Kiyoh mentions scored", Duration.ofSeconds(60),
        () -> api.get("/api/v1/mentions?limit=100").json().getJsonArray("items").size() == 3);
  }

  @AfterAll
  static void stop() {
    Await.result(app.stop());
    Await.result(vertx.close());
    remote.stop();
    TestRedis.cleanup(prefix);
  }

  @Test
  void anXMentionArrivesOnceWithItsAuthorAndReach() {
    // several polls later the same post is still one mention
    Await.until("polled again", Duration.ofSeconds(10), () -> api.connector("x-acme").getLong("itemsSeen") >= 3);
    JsonArray items = api.get("/api/v1/mentions?source=x-acme&limit=100").json().getJsonArray("items");
    assertThat(items).hasSize(1);
    JsonObject mention = items.getJsonObject(0);
    assertThat(mention.getString("channel")).isEqualTo("x");
    assertThat(mention.getJsonObject("social").getString("authorHandle")).isEqualTo("fatimab");
    assertThat(mention.getJsonObject("social").getLong("authorFollowers")).isEqualTo(420);
    JsonObject status = api.connector("x-acme");
    assertThat(status.getString("state")).isEqualTo("ok");
    assertThat(status.getLong("itemsNew")).isEqualTo(1);
    assertThat(status.getJsonObject("figures").getString("dailyReadBudget")).isEqualTo("500");
  }

  @Test
  void aRevokedTokenStopsOnlyThatConnectorAndSaysWhy() {
    Await.until("stopped", Duration.ofSeconds(10), () -> "stopped".equals(api.connector("x-revoked").getString("state")));
    JsonObject status = api.connector("x-revoked");
    assertThat(status.getString("lastError")).contains("401").contains("Unauthorized");
    assertThat(status.getString("note")).contains("fix the credentials");
    assertThat(status.containsKey("nextPollAt")).isFalse();
    remote.verify(1, getRequestedFor(urlPathEqualTo("/2/users/888/mentions")));
    assertThat(api.connector("kiyoh-acme").getString("state")).isEqualTo("ok");
  }

  @Test
  void aLowKiyohScoreIsAComplaintOnTheWorklist() {
    JsonArray items = api.get("/api/v1/mentions?source=kiyoh-acme&limit=100").json().getJsonArray("items");
    assertThat(items).hasSize(2);
    JsonArray worklist = api.get("/api/v1/worklist?limit=100").json().getJsonArray("items");
    boolean complaintQueued = false;
    for (int i = 0; i < worklist.size(); i++) {
      JsonObject mention = worklist.getJsonObject(i).getJsonObject("mention");
      if ("kiyoh-acme".equals(mention.getString("source")) && mention.getInteger("rating") == 1) {
        complaintQueued = true;
        assertThat(worklist.getJsonObject(i).getString("triageClass")).isEqualTo("complaint");
      }
    }
    assertThat(complaintQueued).isTrue();
  }


  private static void write(Path dir, String name, String body) {
    try {
      Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\nbrand: acme\npollInterval: 300ms\n" + body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
