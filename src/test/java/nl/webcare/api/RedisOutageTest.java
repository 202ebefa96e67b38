package nl.webcare.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import nl.webcare.app.WebcareApp;
import nl.webcare.connector.push.RequestSignature;
import nl.webcare.store.EmbeddedRedisServer;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.Fixtures;
import nl.webcare.support.SharedAnalyzer;
import nl.webcare.support.TestConfig;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redis goes away and comes back: the API says so clearly, and no mention is lost. */
class RedisOutageTest {
  private static final String FORM_SECRET = "form-secret-0123456789abcdef";
  private Vertx vertx;
  private WireMockServer feeds;
  private Path redisData;
  private int redisPort;
  private EmbeddedRedisServer redisServer;
  private WebcareApp app;

  @BeforeEach
  void setUp() throws IOException {
    vertx = Vertx.vertx();
    feeds = new WireMockServer(options().dynamicPort());
    feeds.start();
    redisData = TestRedis.tempDir();
    try (ServerSocket socket = new ServerSocket(0)) {
      redisPort = socket.getLocalPort();
    }
    redisServer = EmbeddedRedisServer.start(redisData, redisPort);
  }

  @AfterEach
  void tearDown() {
    if (app != null) {
      Await.result(app.stop());
    }
    Await.result(vertx.close());
    redisServer.close();
    feeds.stop();
  }

  @Test
  void whileRedisIsDownTheApiAnswers503AndAfterItReturnsNewMentionsArriveAndOldOnesAreKept() {
    // GIVEN Webcare polling a feed into its own Redis server
    feeds.stubFor(get("/social.atom").willReturn(aResponse().withStatus(200).withBody(Fixtures.feed("atom-social.xml"))));
    Path connectors = TestRedis.tempDir();
    Fixtures.feedConnector(connectors, "social", "http://127.0.0.1:" + feeds.port() + "/social.atom", "");
    writeFile(connectors.resolve("form.yaml"), "name: form\ntype: push\nbrand: testbrand\nsecretEnv: FORM_SECRET\n");
    app = Await.result(WebcareApp.start(vertx,
        TestConfig.create("redis://127.0.0.1:" + redisPort, "outage:", connectors.toString()), SharedAnalyzer::get,
        java.util.Map.of("FORM_SECRET", FORM_SECRET)));
    ApiClient api = new ApiClient(app.httpPort());
    Await.until("both posts scored", Duration.ofSeconds(60),
        () -> api.get("/api/v1/mentions").json().getJsonArray("items").size() == 2);
    sleep(1500); // the append-only file is synced every second

    // WHEN Redis goes away
    redisServer.close();
    // THEN reads answer 503 with a JSON error, and readiness says the store is down
    ApiClient.Answer down = api.get("/api/v1/worklist");
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.json().getString("error")).isEqualTo("store_unavailable");
    assertThat(api.get("/health/ready").status()).isEqualTo(503);
    // AND a pushed mention is refused with 503, so that the relay sends it again later
    byte[] pushed = new io.vertx.core.json.JsonObject().put("externalId", "form-1")
        .put("text", "Your web form lost my complaint twice, this is awful").encode().getBytes(StandardCharsets.UTF_8);
    ApiClient.Answer refused = push(api, pushed);
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.json().getString("error")).isEqualTo("store_unavailable");

    // WHEN the feed gets a new post while Redis is down, and Redis comes back with its data
    feeds.resetAll();
    String withNewPost = Fixtures.feed("atom-social.xml").replace("<entry>",
        "<entry><id>urn:test:social:3</id><title>post</title><updated>2026-11-24T22:30:00Z</updated>"
            + "<author><name>@erin</name></author><content type=\"text\">My internet has been down all week, "
            + "this is terrible and nobody helps.</content></entry><entry>");
    feeds.stubFor(get("/social.atom").willReturn(aResponse().withStatus(200).withBody(withNewPost)));
    sleep(1000);
    redisServer = EmbeddedRedisServer.start(redisData, redisPort);

    // THEN the new post arrives, the relay's second try is accepted, and the old ones are still there
    Await.until("Redis back", Duration.ofSeconds(30), () -> statusOf(api, "/api/v1/mentions") == 200);
    assertThat(push(api, pushed).status()).isEqualTo(202);
    Await.until("new post and pushed mention scored after the outage", Duration.ofSeconds(60),
        () -> api.get("/api/v1/mentions").json().getJsonArray("items").size() == 4);
    assertThat(api.get("/health/ready").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/worklist").status()).isEqualTo(200);
  }

  private static ApiClient.Answer push(ApiClient api, byte[] body) {
    return api.post("/api/v1/ingest/form", body, RequestSignature.HEADER,
        RequestSignature.sign(FORM_SECRET.getBytes(StandardCharsets.UTF_8), body));
  }

  private static void writeFile(Path file, String text) {
    try {
      java.nio.file.Files.writeString(file, text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int statusOf(ApiClient api, String path) {
    return api.get(path).status();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
