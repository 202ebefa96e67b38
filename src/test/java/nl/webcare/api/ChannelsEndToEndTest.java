package nl.webcare.api;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static nl.webcare.support.ConnectorHarness.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.webcare.app.WebcareApp;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** X and Kiyoh connectors, and an X connector whose token was revoked, in one running Webcare. */
class ChannelsEndToEndTest {
  private static WireMockServer remote;
  private static RunningApp running;
  private static WebcareApp app;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    remote = new WireMockServer(options().dynamicPort());
    remote.start();
    // the brand's mentions: the same page on every poll, as X would send it when nothing is new
    remote.stubFor(get(urlPathEqualTo("/2/users/777/mentions")).withQueryParam("pagination_token", absent())
        .willReturn(fixture("x/mentions-page1.json", "application/json")));
    remote.stubFor(get(urlPathEqualTo("/2/users/777/mentions")).withQueryParam("pagination_token", matching(".+"))
        .willReturn(fixture("x/mentions-page2.json", "application/json")));
    remote.stubFor(get(urlPathEqualTo("/2/users/888/mentions")).willReturn(fixture("x/error-401.json",
        "application/json").withStatus(401)));
    remote.stubFor(get(urlPathEqualTo("/kiyoh/v1/review/feed.xml")).willReturn(fixture("kiyoh/feed.xml",
        "application/xml")));
    Path connectors = TestRedis.tempDir();
    String base = "http://127.0.0.1:" + remote.port();
    write(connectors, "x-acme", "type: x\nurl: " + base + "/2/\nuserId: \"777\"\nbearerTokenEnv: X_BEARER\n"
        + "consumerKeyEnv: X_KEY\nconsumerSecretEnv: X_SECRET\naccessTokenEnv: X_TOKEN\naccessTokenSecretEnv: X_TOKEN_SECRET\n");
    write(connectors, "x-revoked", "type: x\nurl: " + base + "/2/\nuserId: \"888\"\nbearerTokenEnv: X_BEARER\n");
    write(connectors, "kiyoh-acme", "type: kiyoh\nurl: " + base + "/kiyoh/v1/review/feed.xml\nhashEnv: KIYOH_HASH\n");
    running = new RunningApp(connectors, Map.of("X_BEARER", "bearer-1", "KIYOH_HASH", "hash-1", "X_KEY", "ck", "X_SECRET", "cs",
            "X_TOKEN", "777-at", "X_TOKEN_SECRET", "ats"));
    app = running.app;
    api = running.api;
    Await.until("X and Kiyoh mentions scored", Duration.ofSeconds(60),
        () -> api.get("/api/v1/mentions?limit=100").json().getJsonArray("items").size() == 5);
  }

  @AfterAll
  static void stop() {
    running.close();
    remote.stop();
  }

  @Test
  void xMentionsArriveOnceWithTheirAuthorsAndReach() {
    // several polls later each post is still one mention
    Await.until("polled again", Duration.ofSeconds(10), () -> api.connector("x-acme").getLong("itemsSeen") >= 6);
    JsonArray items = api.get("/api/v1/mentions?source=x-acme&limit=100").json().getJsonArray("items");
    assertThat(items).hasSize(3);
    JsonObject outage = items.stream().map(JsonObject.class::cast)
        .filter(m -> "1861000000000000003".equals(m.getString("externalId"))).findFirst().orElseThrow();
    assertThat(outage.getString("channel")).isEqualTo("x");
    assertThat(outage.getJsonObject("social").getString("authorHandle")).isEqualTo("jandevries");
    assertThat(outage.getJsonObject("social").getLong("authorFollowers")).isEqualTo(15200);
    JsonObject status = api.connector("x-acme");
    assertThat(status.getString("state")).isEqualTo("ok");
    assertThat(status.getLong("itemsNew")).isEqualTo(3);
    assertThat(status.getJsonObject("figures").getString("dailyReadBudget")).isEqualTo("500");
  }

  @Test
  void anAgentRepliesOnXThroughTheChannelAndTheCaseWaitsForTheCustomer() {
    String caseId = caseOf("x", "samc");
    ApiClient agent = api.withKey(api.newKey("ann", "agent"));
    assertThat(agent.post("/api/v1/cases/" + caseId + "/claim", "{}").status()).isEqualTo(200);
    // too long for X: refused before anything is sent
    ApiClient.Answer tooLong = agent.post("/api/v1/cases/" + caseId + "/reply",
        new JsonObject().put("text", "x".repeat(281)).encode());
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().getString("error")).isEqualTo("reply_too_long");
    remote.verify(0, postRequestedFor(urlPathEqualTo("/2/tweets")));
    // X refuses a duplicate: the agent reads X's own words and the case does not move
    remote.stubFor(post(urlPathEqualTo("/2/tweets")).willReturn(fixture("x/error-403-duplicate.json", "application/json")
        .withStatus(403)));
    ApiClient.Answer refused = agent.post("/api/v1/cases/" + caseId + "/reply",
        new JsonObject().put("text", "@samc Sorry!").encode());
    assertThat(refused.status()).isEqualTo(502);
    assertThat(refused.json().getString("message")).contains("duplicate content");
    assertThat(api.get("/api/v1/cases/" + caseId).json().getString("state")).isEqualTo("assigned");
    // a good reply goes out as an answer to the customer's post and the case waits
    remote.stubFor(post(urlPathEqualTo("/2/tweets")).willReturn(fixture("x/reply-created.json", "application/json")
        .withStatus(201)));
    ApiClient.Answer sent = agent.post("/api/v1/cases/" + caseId + "/reply",
        new JsonObject().put("text", "@samc Sorry for the wait! We've sent you a DM about order 913181.").encode());
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.json().getString("state")).isEqualTo("waiting");
    assertThat(sent.json().getString("firstResponseAt")).isNotNull();
    assertThat(sent.json().getJsonObject("reply").getString("postId")).isEqualTo("1861000000000000099");
    remote.verify(postRequestedFor(urlPathEqualTo("/2/tweets"))
        .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo("1861000000000000002"))));
    JsonObject details = api.get("/api/v1/cases/" + caseId).json();
    assertThat(details.getJsonArray("replies").getJsonObject(0).getString("agent")).isEqualTo("ann");
  }

  @Test
  void aReviewIsAnsweredElsewhereFromATemplateAndHandedOffToTheTelephone() {
    String caseId = caseOf("kiyoh", "Marieke (Utrecht)");
    ApiClient lead = api.withKey(api.newKey("lea", "lead"));
    ApiClient agent = api.withKey(api.newKey("bas", "agent"));
    // a template with a typo in a placeholder is refused; a good one is saved
    ApiClient.Answer typo = lead.put("/api/v1/templates/excuses", new JsonObject().put("language", "nl")
        .put("text", "Beste {autor.name}, excuses!").encode());
    assertThat(typo.status()).isEqualTo(400);
    assertThat(typo.json().getString("error")).isEqualTo("unknown_placeholder");
    assertThat(lead.put("/api/v1/templates/excuses", new JsonObject().put("language", "nl").put("text",
        "Beste {author.name}, onze excuses voor het wachten. We zoeken het uit onder {case.ref}. Groet, {agent.name}")
        .encode()).status()).isEqualTo(200);
    assertThat(agent.put("/api/v1/templates/mine", new JsonObject().put("language", "nl").put("text", "x").encode())
        .json().getString("error")).isEqualTo("forbidden");
    // Webcare cannot post on Kiyoh: the agent answers there and gives the link
    ApiClient.Answer noLink = agent.post("/api/v1/cases/" + caseId + "/reply", "{\"template\":\"excuses\"}");
    assertThat(noLink.status()).isEqualTo(400);
    ApiClient.Answer answered = agent.post("/api/v1/cases/" + caseId + "/reply", new JsonObject()
        .put("template", "excuses").put("link", "https://www.kiyoh.com/reviews/1061234/acme_energie#r1").encode());
    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.json().getJsonObject("reply").getString("text"))
        .isEqualTo("Beste Marieke (Utrecht), onze excuses voor het wachten. We zoeken het uit onder " + caseId
            + ". Groet, bas");
    assertThat(answered.json().getString("state")).isEqualTo("waiting");
    // the customer is called back on a day ahead (a planned time in the past is refused); the written
    // confirmation is in Dutch and kept on the case
    int year = java.time.LocalDate.now().getYear() + 1;
    ApiClient.Answer handoff = agent.post("/api/v1/cases/" + caseId + "/handoff", new JsonObject().put("channel", "phone")
        .put("when", year + "-11-26T10:00:00+01:00").put("agreement", "We betalen de eindafrekening binnen 5 werkdagen uit")
        .encode());
    assertThat(handoff.status()).isEqualTo(201);
    assertThat(handoff.json().getString("confirmation")).isEqualTo("Beste Marieke (Utrecht), zoals afgesproken bellen we u"
        + " op 26 november " + year + " om 10:00. Wat we hebben afgesproken: We betalen de eindafrekening binnen 5 werkdagen"
        + " uit. Uw referentie is " + caseId + ". Met vriendelijke groet, bas");
    assertThat(api.get("/api/v1/cases/" + caseId).json().getJsonArray("handoffs")).hasSize(1);
  }

  @Test
  void aLeadReadsTheSlaReportAndEveryCaseShowsItsClock() {
    ApiClient lead = api.withKey(api.newKey("lena", "lead"));
    JsonObject report = lead.get("/api/v1/sla").json();
    assertThat(report.getJsonObject("overall").getInteger("opened")).isGreaterThanOrEqualTo(3);
    assertThat(report.getJsonArray("teams").getJsonObject(0).getString("name")).isEqualTo("care");
    assertThat(report.getJsonArray("channels").stream().map(c -> ((JsonObject) c).getString("name")))
        .contains("kiyoh", "x");
    assertThat(report.getJsonObject("overall").getJsonObject("backlog").getInteger("open")).isGreaterThanOrEqualTo(1);
    assertThat(lead.get("/api/v1/sla?team=care&channel=x").json().getJsonObject("overall").getInteger("opened"))
        .isEqualTo(2);
    assertThat(lead.get("/api/v1/sla?from=yesterday").status()).isEqualTo(400);
    assertThat(lead.get("/api/v1/sla?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z").status()).isEqualTo(400);
    assertThat(api.withKey(api.newKey("anna", "agent")).get("/api/v1/sla").status()).isEqualTo(403);
    JsonObject first = api.get("/api/v1/worklist").json().getJsonArray("items").getJsonObject(0);
    JsonObject sla = first.getJsonObject("sla");
    assertThat(sla.getString("band")).isIn("crisis", "high", "normal", "low");
    assertThat(sla.getString("firstResponseDue")).isNotNull();
    assertThat(sla.getBoolean("breached")).isFalse();
  }

  private static String caseOf(String channel, String author) {
    JsonArray items = api.get("/api/v1/worklist?channel=" + channel + "&limit=100").json().getJsonArray("items");
    return items.stream().map(JsonObject.class::cast).filter(c -> author.equals(c.getString("author")) || (channel + ":" + author).equals(c.getString("authorKey")))
        .findFirst().orElseThrow(() -> new AssertionError("no case by " + author + " in " + items)).getString("id");
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
      JsonObject mention = api.get("/api/v1/mentions/" + worklist.getJsonObject(i).getString("mentionId")).json();
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
