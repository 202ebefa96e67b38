package nl.webcare.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.webcare.app.WebcareApp;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.RunningApp;
import nl.webcare.support.Fixtures;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Feeds on WireMock, through the whole pipeline, out of the HTTP API. */
class EndToEndTest {
  private static WireMockServer feeds;
  private static RunningApp running;
  private static WebcareApp app;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    feeds = new WireMockServer(options().dynamicPort());
    feeds.start();
    serve("/forum.rss", Fixtures.feed("rss-forum.xml"));
    serve("/social.atom", Fixtures.feed("atom-social.xml"));
    serve("/appstore.xml", Fixtures.feed("appstore-reviews.xml"));
    feeds.stubFor(get("/broken.rss").willReturn(aResponse().withStatus(500).withBody("internal error")));
    Path connectors = TestRedis.tempDir();
    String base = "http://127.0.0.1:" + feeds.port();
    Fixtures.feedConnector(connectors, "forum", base + "/forum.rss", "");
    Fixtures.feedConnector(connectors, "social", base + "/social.atom", "channel: social\n");
    Fixtures.feedConnector(connectors, "appstore", base + "/appstore.xml", "preset: appstore\nlanguage: nl\n");
    Fixtures.feedConnector(connectors, "broken", base + "/broken.rss", "");
    running = new RunningApp(connectors, Map.of());
    app = running.app;
    api = running.api;
    // 6 distinct mentions with text in the three good feeds (the forum lists one topic twice)
    Await.until("all feed items scored", Duration.ofSeconds(90),
        () -> api.get("/api/v1/mentions?limit=100").json().getJsonArray("items").size() == 6);
  }

  @AfterAll
  static void stop() {
    running.close();
    feeds.stop();
  }

  @Test
  void worklistListsNegativeMentionsMostUrgentFirst() {
    JsonArray items = api.get("/api/v1/worklist").json().getJsonArray("items");
    assertThat(items.size()).isGreaterThanOrEqualTo(3);
    List<String> texts = new ArrayList<>();
    long previousKey = Long.MAX_VALUE;
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      JsonObject mention = mentionOf(item);
      texts.add(mention.getString("text"));
      // a row carries the first words of the mention, not the mention
      assertThat(item.containsKey("mention")).isFalse();
      String words = mention.getString("text");
      assertThat(item.getString("excerpt")).hasSizeLessThanOrEqualTo(140)
          .contains(words.substring(0, Math.min(40, words.length())));
      // ordered by the sort key: urgency plus the hours the customer has waited (PriorityFormula)
      assertThat(item.getLong("priority")).isLessThanOrEqualTo(previousKey);
      previousKey = item.getLong("priority");
      boolean lowStars = mention.getInteger("rating") != null && mention.getInteger("rating") <= 2;
      assertThat(lowStars || "negative".equals(mention.getJsonObject("sentiment").getString("label"))).isTrue();
    }
    // the complaints are there, the praise is not
    assertThat(texts).anySatisfy(t -> assertThat(t).contains("worst delivery service"));
    assertThat(texts).anySatisfy(t -> assertThat(t).contains("rude"));
    assertThat(texts).anySatisfy(t -> assertThat(t).contains("overschrijving"));
    assertThat(texts).noneSatisfy(t -> assertThat(t).contains("wonderful"));
    assertThat(texts).noneSatisfy(t -> assertThat(t).contains("snel en makkelijk"));
  }

  /** The mention that opened a worklist row's case. */
  private static JsonObject mentionOf(JsonObject row) {
    return api.get("/api/v1/mentions/" + row.getString("mentionId")).json();
  }

  @Test
  void theMostNegativeTextOutranksMilderOnes() {
    JsonArray items = api.get("/api/v1/worklist").json().getJsonArray("items");
    JsonObject first = mentionOf(items.getJsonObject(0));
    double firstScore = first.getJsonObject("sentiment").getDouble("score");
    for (int i = 1; i < items.size(); i++) {
      JsonObject other = mentionOf(items.getJsonObject(i));
      if (other.getInteger("rating") == null && first.getInteger("rating") == null) {
        assertThat(firstScore).isLessThanOrEqualTo(other.getJsonObject("sentiment").getDouble("score"));
      }
    }
  }

  @Test
  void duplicatesInAFeedStayOneMention() {
    JsonArray forum = api.get("/api/v1/mentions?source=forum").json().getJsonArray("items");
    assertThat(forum.stream().map(o -> ((JsonObject) o).getString("externalId")).toList())
        .containsExactlyInAnyOrder("topic-1", "topic-2");
  }

  @Test
  void twoConcurrentClaimsGiveOneSuccessAndOneConflictNamingTheHolder() {
    String caseId = openCaseIds().get(0);
    ApiClient ann = api.withKey(api.newKey("ann", "agent"));
    ApiClient bob = api.withKey(api.newKey("bob", "agent"));
    CompletableFuture<ApiClient.Answer> annClaims = ann.postAsync("/api/v1/cases/" + caseId + "/claim", "{}");
    CompletableFuture<ApiClient.Answer> bobClaims = bob.postAsync("/api/v1/cases/" + caseId + "/claim", "");
    List<ApiClient.Answer> answers = List.of(ApiClient.await(annClaims), ApiClient.await(bobClaims));
    assertThat(answers).extracting(ApiClient.Answer::status).containsExactlyInAnyOrder(200, 409);
    ApiClient.Answer won = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
    ApiClient.Answer lost = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
    String holder = won.json().getString("assignee");
    assertThat(holder).isIn("ann", "bob");
    assertThat(lost.json().getString("error")).isEqualTo("case_held");
    assertThat(lost.json().getString("holder")).isEqualTo(holder);
    assertThat(lost.json().getString("message")).contains(holder);
    ApiClient holderClient = "ann".equals(holder) ? ann : bob;
    ApiClient other = "ann".equals(holder) ? bob : ann;
    // the other agent may not resolve it; the holder may, and it leaves the worklist
    assertError(other.post("/api/v1/cases/" + caseId + "/resolve", "{}"), 409, "case_held");
    ApiClient.Answer resolved = holderClient.post("/api/v1/cases/" + caseId + "/resolve", "{\"note\":\"refunded\"}");
    assertThat(resolved.status()).isEqualTo(200);
    assertThat(resolved.json().getString("state")).isEqualTo("resolved");
    assertThat(resolved.json().getString("closedBy")).isEqualTo(holder);
    assertThat(openCaseIds()).doesNotContain(caseId);
    ApiClient.Answer again = holderClient.post("/api/v1/cases/" + caseId + "/resolve", "{}");
    assertError(again, 409, "transition_not_allowed");
    assertThat(again.json().getString("state")).isEqualTo("resolved");
    // the history says who did what
    JsonArray history = api.get("/api/v1/cases/" + caseId).json().getJsonArray("history");
    assertThat(history.getJsonObject(history.size() - 1).getString("actor")).isEqualTo(holder);
    assertThat(history.getJsonObject(history.size() - 1).getString("action")).isEqualTo("resolve");
  }

  @Test
  void badInputGetsAClearErrorAndChangesNothing() {
    String caseId = openCaseIds().get(openCaseIds().size() - 1);
    assertError(api.post("/api/v1/cases/WC-ZZZZZ/claim", "{}"), 404, "not_found");
    assertError(api.get("/api/v1/cases/WC-ZZZZZ"), 404, "not_found");
    assertError(api.get("/api/v1/cases/not-a-case"), 404, "not_found");
    assertError(api.post("/api/v1/cases/" + caseId + "/escalate", "{\"team\": "), 400, "bad_json");
    assertError(api.post("/api/v1/cases/" + caseId + "/escalate", "[1,2]"), 400, "bad_json");
    assertError(api.post("/api/v1/cases/" + caseId + "/escalate", "{}"), 400, "missing_field");
    assertError(api.post("/api/v1/cases/" + caseId + "/escalate", "{\"team\":\"moon\",\"reason\":\"x\"}"), 400,
        "bad_field");
    assertError(api.post("/api/v1/cases/" + caseId + "/dismiss", "{\"reason\": 42}"), 400, "bad_field");
    assertError(api.post("/api/v1/cases/" + caseId + "/snooze", "{\"until\":\"tomorrow\"}"), 400, "bad_field");
    assertError(api.post("/api/v1/cases/" + caseId + "/snooze", "{\"until\":\"2020-01-01T00:00:00Z\"}"), 400, "bad_field");
    assertError(api.post("/api/v1/cases/" + caseId + "/notes", "{\"text\":\"" + "x".repeat(100_000) + "\"}"),
        413, "body_too_large");
    assertError(api.post("/api/v1/cases/" + caseId + "/tags", "{\"add\":[\"a b\"]}"), 400, "bad_field");
    assertError(api.get("/api/v1/worklist?limit=0"), 400, "bad_parameter");
    assertError(api.get("/api/v1/worklist?state=angry"), 400, "bad_parameter");
    assertError(api.get("/api/v1/worklist?team=moon"), 400, "bad_parameter");
    assertError(api.get("/api/v1/worklist?minUrgency=2"), 400, "bad_parameter");
    assertError(api.get("/api/v1/worklist?cursor=bm90LWEtY3Vyc29y"), 400, "bad_parameter");
    assertError(api.get("/api/v1/mentions?label=angry"), 400, "bad_parameter");
    assertError(api.get("/api/v1/alerts?after=yesterday"), 400, "bad_parameter");
    assertError(api.get("/api/v1/no-such-route"), 404, "not_found");
    // the case is untouched
    JsonObject unchanged = api.get("/api/v1/cases/" + caseId).json();
    assertThat(unchanged.getString("state")).isEqualTo("new");
    assertThat(unchanged.containsKey("assignee")).isFalse();
    assertThat(unchanged.getJsonArray("history").size()).isEqualTo(1);
  }

  @Test
  void withoutAValidKeyNothingIsServedAndEachRoleDoesOnlyItsPart() {
    ApiClient anonymous = api.withKey(null);
    assertError(anonymous.get("/api/v1/worklist"), 401, "unauthorized");
    assertError(api.withKey("wck_not-a-real-key").get("/api/v1/worklist"), 401, "unauthorized");
    String caseId = openCaseIds().get(0);
    ApiClient analyst = api.withKey(api.newKey("marketing", "analyst"));
    ApiClient integration = api.withKey(api.newKey("zapier", "integration"));
    ApiClient agent = api.withKey(api.newKey("cas", "agent"));
    // the analyst reads, but sees no author and changes nothing
    JsonObject item = analyst.get("/api/v1/worklist").json().getJsonArray("items").getJsonObject(0);
    assertThat(item.containsKey("author")).isFalse();
    assertThat(item.getString("excerpt")).isNotBlank();
    assertError(analyst.post("/api/v1/cases/" + caseId + "/claim", "{}"), 403, "forbidden");
    // the integration reads alerts only
    assertThat(integration.get("/api/v1/alerts").status()).isEqualTo(200);
    assertError(integration.get("/api/v1/worklist"), 403, "forbidden");
    // an agent may not reassign or manage keys
    assertError(agent.post("/api/v1/cases/" + caseId + "/reassign", "{\"agent\":\"cas\"}"), 403, "forbidden");
    assertError(agent.post("/api/v1/keys", "{\"owner\":\"me\",\"role\":\"admin\"}"), 403, "forbidden");
    // a revoked key stops working at once
    String temp = api.newKey("temp", "agent");
    String tempId = api.get("/api/v1/keys").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(k -> "temp".equals(k.getString("owner"))).findFirst().orElseThrow().getString("id");
    assertThat(api.withKey(temp).get("/api/v1/worklist").status()).isEqualTo(200);
    assertThat(api.delete("/api/v1/keys/" + tempId).status()).isEqualTo(200);
    assertError(api.withKey(temp).get("/api/v1/worklist"), 401, "unauthorized");
    // keys are listed without their secrets
    assertThat(api.get("/api/v1/keys").body()).doesNotContain(temp);
  }

  @Test
  void prometheusReadsClaimsBacklogAndCasesPerStateWithoutAKeyAndWithoutPersonalData() {
    String caseId = openCaseIds().get(openCaseIds().size() - 1);
    ApiClient agent = api.withKey(api.newKey("dirk", "agent"));
    assertThat(agent.post("/api/v1/cases/" + caseId + "/claim", "{}").status()).isEqualTo(200);
    Await.until("gauges read", Duration.ofSeconds(20),
        () -> api.withKey(null).get("/metrics").body().contains("webcare_backlog{team=\"care\"}"));
    String metrics = api.withKey(null).get("/metrics").body();
    assertThat(metrics).contains("webcare_case_claims_total{team=\"care\"}").contains("webcare_cases{state=\"new\"}");
    assertThat(metrics).doesNotContain("dirk");
  }

  @Test
  void alertFeedIsReadByCursor() {
    JsonObject first = api.get("/api/v1/alerts?limit=2").json();
    JsonArray items = first.getJsonArray("items");
    assertThat(items.size()).isEqualTo(2);
    assertThat(items.getJsonObject(0).getString("type")).isEqualTo("case.opened");
    assertThat(items.getJsonObject(0).getString("caseId")).startsWith("WC-");
    assertThat(items.getJsonObject(0).getString("excerpt")).isNotBlank();
    JsonObject rest = api.get("/api/v1/alerts?after=" + first.getString("next") + "&limit=100").json();
    int total = items.size() + rest.getJsonArray("items").size();
    JsonObject after = api.get("/api/v1/alerts?after=" + rest.getString("next")).json();
    assertThat(after.getJsonArray("items")).isEmpty();
    assertThat(after.getString("next")).isEqualTo(rest.getString("next"));
    assertThat(total).isGreaterThanOrEqualTo(3);
  }

  @Test
  void theAlertFeedTakesTheSubscriptionFilterAsQueryParameters() {
    String channel = api.get("/api/v1/alerts?limit=1").json().getJsonArray("items").getJsonObject(0).getString("channel");
    JsonArray opened = api.get("/api/v1/alerts?type=case.opened&channel=nowhere," + channel + "&limit=100").json()
        .getJsonArray("items");
    assertThat(opened).isNotEmpty();
    opened.forEach(a -> assertThat(((JsonObject) a).getString("type")).isEqualTo("case.opened"));
    assertThat(api.get("/api/v1/alerts?brand=nobody-writes-about-this-brand").json().getJsonArray("items")).isEmpty();
    assertError(api.get("/api/v1/alerts?type=case.exploded"), 400, "bad_filter");
    assertError(api.get("/api/v1/alerts?minUrgency=very"), 400, "bad_filter");
  }

  @Test
  void connectorsShowTheirStateAndTheBrokenOneItsErrorWhileTheOthersCarryOn() {
    Await.until("broken connector retried", Duration.ofSeconds(20), () -> connector("broken")
        .getInteger("consecutiveFailures", 0) >= 2);
    JsonObject broken = connector("broken");
    assertThat(broken.getString("state")).isEqualTo("failing");
    assertThat(broken.getString("lastError")).contains("HTTP 500");
    assertThat(broken.getString("nextPollAt")).isNotNull();
    JsonObject forum = connector("forum");
    assertThat(forum.getString("state")).isEqualTo("ok");
    assertThat(forum.getLong("itemsNew")).isEqualTo(2);
    assertThat(forum.containsKey("lastError")).isFalse();
  }

  @Test
  void readinessSaysRedisAndModelAreUp() {
    ApiClient.Answer ready = api.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getString("outcome")).isEqualTo("UP");
    assertThat(api.get("/health/live").status()).isEqualTo(200);
  }

  private static JsonObject connector(String name) {
    JsonArray items = api.get("/api/v1/connectors").json().getJsonArray("items");
    return items.stream().map(o -> (JsonObject) o).filter(c -> name.equals(c.getString("name"))).findFirst()
        .orElseThrow();
  }

  private static List<String> openCaseIds() {
    JsonArray items = api.get("/api/v1/worklist?limit=100").json().getJsonArray("items");
    return items.stream().map(o -> ((JsonObject) o)).filter(c -> "new".equals(c.getString("state")))
        .map(c -> c.getString("id")).toList();
  }

  private static void assertError(ApiClient.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    JsonObject body = answer.json();
    assertThat(body.getString("error")).isEqualTo(code);
    assertThat(body.getString("message")).isNotBlank();
  }

  private static void serve(String path, String body) {
    feeds.stubFor(get(path).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(body)));
  }
}
