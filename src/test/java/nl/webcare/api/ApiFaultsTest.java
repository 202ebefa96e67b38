package nl.webcare.api;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.PushedComplaints;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

/** What a new user ran into when trying Webcare, each answered as they would expect. Runs without CoreNLP. */
class ApiFaultsTest {
  private static PushedComplaints pushed;
  private static RunningApp running;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    pushed = new PushedComplaints();
    running = pushed.running;
    api = pushed.api;
  }

  @AfterAll
  static void stop() {
    pushed.close();
  }

  @Test
  void anUnknownQueryParameterIsNamedInA400() {
    ApiClient.Answer typo = api.get("/api/v1/worklist?stat=new");
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.json().getString("error")).isEqualTo("bad_parameter");
    assertThat(typo.json().getString("message")).contains("stat").contains("state");
    assertThat(api.get("/api/v1/connectors?verbose=1").status()).isEqualTo(400);
    assertThat(api.get("/api/v1/worklist?state=new&limit=5").status()).isEqualTo(200);
  }

  @Test
  void minUrgencyThatIsNoNumberIsA400() {
    for (String bad : List.of("NaN", "Infinity", "-0.5", "2", "abc")) {
      ApiClient.Answer answer = api.get("/api/v1/worklist?minUrgency=" + bad);
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.json().getString("error")).isEqualTo("bad_parameter");
    }
  }

  @Test
  void aMethodARouteDoesNotTakeIs405WithAllow() throws Exception {
    for (String method : List.of("HEAD", "DELETE", "PUT")) {
      var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + running.app.httpPort() + "/api/v1/worklist"))
          .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
          .header("Authorization", "Bearer " + nl.webcare.support.TestConfig.ADMIN_KEY).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(method).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).contains("GET");
    }
  }

  @Test
  void badJsonSaysWhereNotWhatTheParserIsCalled() {
    String caseId = complaint("f-1", "a-customer");
    ApiClient.Answer answer = api.post("/api/v1/cases/" + caseId + "/notes", "{\"text\": \"x\",, }");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getString("error")).isEqualTo("bad_json");
    assertThat(answer.json().getString("message")).isEqualTo("the body is not valid JSON at line 1, column 14")
        .doesNotContain("Jackson", "Source", "decode");
  }

  @Test
  void aSnoozeAndAHandOffRefuseATimeInThePastAlike() {
    String caseId = complaint("f-2", "b-customer");
    String past = Instant.now().minus(Duration.ofDays(7)).toString().replace("Z", "+00:00");
    ApiClient.Answer snooze = api.post("/api/v1/cases/" + caseId + "/snooze", new JsonObject().put("until", past).encode());
    ApiClient.Answer handoff = api.post("/api/v1/cases/" + caseId + "/handoff", new JsonObject().put("channel", "phone")
        .put("when", past).put("agreement", "we call you").encode());
    for (ApiClient.Answer answer : List.of(snooze, handoff)) {
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.json().getString("error")).isEqualTo("bad_field");
      assertThat(answer.json().getString("message")).contains("must lie in the future");
    }
    assertThat(api.get("/api/v1/cases/" + caseId).json().getJsonArray("handoffs")).isEmpty();
  }

  @Test
  void aMissingTemplateReadsAsASentence() {
    String caseId = complaint("f-3", "c-customer");
    ApiClient.Answer answer = api.post("/api/v1/cases/" + caseId + "/reply", new JsonObject().put("template", "nope")
        .put("link", "https://acme.example/r/1").encode());
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getString("message")).isEqualTo("there is no template nope in English");
  }

  @Test
  void deadLettersAndKeysPageWithLimitAndNext() {
    try (UnifiedJedis client = TestRedis.client()) {
      for (int i = 0; i < 5; i++) {
        client.xadd(new RedisKeys(running.prefix).deadLetterStream(), StreamEntryID.NEW_ENTRY,
            Map.of("text", "unreadable " + i, "deadLetter.deliveries", "6", "deadLetter.reason", "failed 5 times"));
      }
    }
    assertThat(collect("/api/v1/dead-letters", 2)).hasSize(5).doesNotHaveDuplicates();
    for (int i = 0; i < 4; i++) {
      api.newKey("pager-" + i, "integration");
    }
    List<String> keys = collect("/api/v1/keys", 2);
    assertThat(keys).hasSizeGreaterThanOrEqualTo(5).doesNotHaveDuplicates();
  }

  @Test
  void theAlertFeedSaysWhetherMoreFollowsNow() {
    complaint("f-4", "d-customer");
    complaint("f-5", "e-customer");
    ApiClient.Answer first = api.get("/api/v1/alerts?limit=1");
    assertThat(first.json().getBoolean("more")).isTrue();
    String next = first.json().getString("next");
    boolean more = true;
    int pages = 0;
    while (more && pages++ < 100) {
      JsonObject page = api.get("/api/v1/alerts?limit=50&after=" + next).json();
      more = page.getBoolean("more");
      next = page.getString("next");
    }
    assertThat(more).isFalse();
    assertThat(api.get("/api/v1/alerts?after=" + next).json().getJsonArray("items")).isEmpty();
  }

  @Test
  void aPublicationTimeFarInTheFutureIsTakenAsTheTimeOfReceipt() {
    String mentionId = push("f-6", "f-customer", "My order never came, awful service", "9999-12-31T00:00:00Z");
    Await.until("the mention is stored", Duration.ofSeconds(30),
        () -> api.get("/api/v1/mentions/" + mentionId).status() == 200);
    Instant published = Instant.parse(api.get("/api/v1/mentions/" + mentionId).json().getString("publishedAt"));
    assertThat(published).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
  }

  @Test
  void theFirstResponseTimeIsAHistogramPrometheusCanAdd() {
    String caseId = complaint("f-7", "g-customer");
    assertThat(api.post("/api/v1/cases/" + caseId + "/reply", new JsonObject().put("text", "We are on it")
        .put("link", "https://acme.example/r/7").encode()).status()).isEqualTo(200);
    String metrics = new ApiClient(running.app.httpPort(), null).get("/metrics").body();
    assertThat(metrics).contains("webcare_first_response_seconds_bucket{").contains("le=\"900.0\"")
        .doesNotContain("webcare_first_response_seconds{channel=\"form\",quantile");
  }

  private static List<String> collect(String path, int limit) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ApiClient.Answer page = api.get(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).isEqualTo(200);
      JsonArray items = page.json().getJsonArray("items");
      assertThat(items.size()).isLessThanOrEqualTo(limit);
      items.forEach(i -> ids.add(((JsonObject) i).getString("id")));
      cursor = page.json().getString("next");
    } while (cursor != null && pages++ < 100);
    return ids;
  }

  private static String complaint(String externalId, String handle) {
    return pushed.complaint(externalId, handle, "Terrible service, my order never arrived and nobody answers!");
  }

  private static String push(String externalId, String handle, String text, String publishedAt) {
    return pushed.push(externalId, handle, text, publishedAt);
  }
}
