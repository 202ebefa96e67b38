package nl.webcare.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.PushedComplaints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as receivers see them: WireMock in the place of a ticket system, Slack or Teams, with the faults real
 * receivers have; signatures checked by the Standard Webhooks reference library, not by Webcare's own code.
 */
class WebhookDeliveryTest {
  private static PushedComplaints webcare;
  private static WireMockServer receiver;
  private static ApiClient integration;

  @BeforeAll
  static void start() {
    receiver = new WireMockServer(options().dynamicPort());
    receiver.start();
    webcare = new PushedComplaints();
    integration = webcare.api.withKey(webcare.api.newKey("tickets", "integration"));
  }

  @AfterAll
  static void stop() {
    webcare.close();
    receiver.stop();
  }

  @BeforeEach
  void reset() {
    receiver.resetAll();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + receiver.port() + path;
  }

  private static JsonObject subscribe(ApiClient as, JsonObject body) {
    ApiClient.Answer made = as.post("/api/v1/subscriptions", body.encode());
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    return made.json();
  }

  private static List<LoggedRequest> received(String path) {
    return receiver.findAll(postRequestedFor(urlEqualTo(path)));
  }

  private static List<LoggedRequest> awaitReceived(String path, int count) {
    Await.until(count + " webhook(s) on " + path, Duration.ofSeconds(30), () -> received(path).size() >= count);
    return received(path);
  }

  private static Map<String, List<String>> headers(LoggedRequest request) {
    return Map.of("webhook-id", List.of(request.getHeader("webhook-id")),
        "webhook-timestamp", List.of(request.getHeader("webhook-timestamp")),
        "webhook-signature", List.of(request.getHeader("webhook-signature")));
  }

  private static JsonArray deliveries(ApiClient as, String id) {
    return as.get("/api/v1/subscriptions/" + id + "/deliveries").json().getJsonArray("items");
  }

  @Test
  void aNewCaseIsPostedSignedSoThatTheReferenceLibraryVerifiesIt() throws Exception {
    receiver.stubFor(post("/tickets").willReturn(aResponse().withStatus(202)));
    // GIVEN an integration subscribed to new cases
    JsonObject sub = subscribe(integration, new JsonObject().put("name", "ticket system").put("url", url("/tickets"))
        .put("filter", new JsonObject().put("type", new JsonArray().add("case.opened"))));
    String secret = sub.getString("secret");
    assertThat(secret).startsWith("whsec_");
    // WHEN a complaint comes in
    String caseId = webcare.complaint("hook-1", "dana", "Billing charged me twice again, terrible and awful");
    // THEN the receiver gets it once, signed, with the case in the Standard Webhooks envelope
    LoggedRequest request = awaitReceived("/tickets", 1).get(0);
    String body = request.getBodyAsString();
    assertThatCode(() -> new Webhook(secret).verify(body, headers(request))).doesNotThrowAnyException();
    JsonObject envelope = new JsonObject(body);
    assertThat(envelope.getString("type")).isEqualTo("case.opened");
    assertThat(envelope.getString("timestamp")).isNotBlank();
    JsonObject data = envelope.getJsonObject("data");
    assertThat(data.getString("caseId")).isEqualTo(caseId);
    assertThat(data.getString("author")).isEqualTo("dana");
    assertThat(data.getString("link")).isEqualTo("http://webcare.test/cases/" + caseId);
    assertThat(request.getHeader("webhook-id")).isEqualTo("msg_" + data.getString("cursor"));
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    // a secret is shown once: never in a later answer
    String id = sub.getString("id");
    assertThat(integration.get("/api/v1/subscriptions/" + id).body()).doesNotContain(secret);
    Await.until("the delivery is logged", Duration.ofSeconds(5), () -> !deliveries(integration, id).isEmpty());
    JsonObject logged = deliveries(integration, id).getJsonObject(0);
    assertThat(logged.getString("outcome")).isEqualTo("delivered");
    assertThat(logged.getInteger("status")).isEqualTo(202);
    assertThat(logged.getString("alertId")).isEqualTo(data.getString("cursor"));
    integration.delete("/api/v1/subscriptions/" + id);
  }

  @Test
  void aFailedDeliveryIsRetriedWithTheSameIdAfterRetryAfterAndAResetAndThenArrives() throws Exception {
    String path = "/flaky";
    receiver.stubFor(post(path).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("limited"));
    receiver.stubFor(post(path).inScenario("flaky").whenScenarioStateIs("limited")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("reset"));
    receiver.stubFor(post(path).inScenario("flaky").whenScenarioStateIs("reset")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
    receiver.stubFor(post(path).inScenario("flaky").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
    JsonObject sub = subscribe(integration, new JsonObject().put("url", url(path))
        .put("filter", new JsonObject().put("type", "case.opened")));
    webcare.complaint("hook-retry", "erik", "Still no refund after three weeks, awful");
    List<LoggedRequest> tries = awaitReceived(path, 4);
    // THEN four tries of one message: one id, each signed with its own time
    assertThat(tries).extracting(r -> r.getHeader("webhook-id")).containsOnly(tries.get(0).getHeader("webhook-id"));
    for (LoggedRequest r : tries) {
      assertThatCode(() -> new Webhook(sub.getString("secret")).verify(r.getBodyAsString(), headers(r)))
          .doesNotThrowAnyException();
    }
    // the receiver's Retry-After of 2 s was waited for
    long afterLimit = tries.get(2).getLoggedDate().getTime() - tries.get(1).getLoggedDate().getTime();
    assertThat(afterLimit).isGreaterThanOrEqualTo(1900);
    String id = sub.getString("id");
    Await.until("all four logged", Duration.ofSeconds(5), () -> deliveries(integration, id).size() >= 4);
    JsonArray log = deliveries(integration, id);
    assertThat(log.stream().map(l -> ((JsonObject) l).getString("outcome")).toList())
        .containsExactly("delivered", "retrying", "retrying", "retrying");
    assertThat(log.getJsonObject(1).getInteger("status")).isNull();
    assertThat(log.getJsonObject(2).getInteger("status")).isEqualTo(429);
    assertThat(log.getJsonObject(3).getInteger("status")).isEqualTo(500);
    assertThat(log.getJsonObject(3).getString("error")).contains("500");
    integration.delete("/api/v1/subscriptions/" + id);
  }

  @Test
  void aReceiverThatAnswers410IsDisabledAndTheAdminsHearOfIt() {
    receiver.stubFor(post("/gone").willReturn(aResponse().withStatus(410)));
    JsonObject sub = subscribe(integration, new JsonObject().put("name", "old crm").put("url", url("/gone")));
    String id = sub.getString("id");
    webcare.complaint("hook-gone", "fleur", "The app crashes every time, useless");
    awaitReceived("/gone", 1);
    Await.until("disabled", Duration.ofSeconds(10),
        () -> !integration.get("/api/v1/subscriptions/" + id).json().getBoolean("enabled"));
    JsonObject after = integration.get("/api/v1/subscriptions/" + id).json();
    assertThat(after.getString("disabledReason")).contains("410");
    JsonArray disabled = webcare.api.get("/api/v1/alerts?type=subscription.disabled&limit=500").json()
        .getJsonArray("items");
    assertThat(disabled.stream().map(a -> ((JsonObject) a).getString("subscriptionId"))).contains(id);
    // no more tries once disabled
    webcare.complaint("hook-gone-2", "gijs", "Worst support ever, nobody answers");
    assertThat(received("/gone")).hasSize(1);
    integration.delete("/api/v1/subscriptions/" + id);
  }

  @Test
  void aSlowReceiverDoesNotHoldUpTheOthers() {
    // GIVEN a receiver slower than the deadline (2 s in tests) and a quick one
    receiver.stubFor(post("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(6_000)));
    receiver.stubFor(post("/quick").willReturn(aResponse().withStatus(200)));
    JsonObject slow = subscribe(integration, new JsonObject().put("url", url("/slow")));
    JsonObject quick = subscribe(integration, new JsonObject().put("url", url("/quick")));
    long pushed = System.currentTimeMillis();
    webcare.complaint("hook-slow-1", "hanna", "Billing charged me twice, unacceptable");
    webcare.complaint("hook-slow-2", "ivo", "Package lost again, terrible");
    // THEN the quick one has both while the slow one is still on its first
    List<LoggedRequest> quickOnes = awaitReceived("/quick", 2);
    assertThat(quickOnes.get(1).getLoggedDate().getTime() - pushed).isLessThan(5_000);
    String slowId = slow.getString("id");
    Await.until("the slow receiver's timeout is logged", Duration.ofSeconds(15),
        () -> !deliveries(integration, slowId).isEmpty());
    JsonObject first = deliveries(integration, slowId).getJsonObject(0);
    assertThat(first.getString("outcome")).isEqualTo("retrying");
    assertThat(first.getString("error")).contains("no complete answer within 2000 ms");
    integration.delete("/api/v1/subscriptions/" + slowId);
    integration.delete("/api/v1/subscriptions/" + quick.getString("id"));
  }

  @Test
  void slackAndTeamsGetAMessageAPersonReadsInTheirLanguage() {
    receiver.stubFor(post("/slack").willReturn(aResponse().withStatus(200).withBody("ok")));
    receiver.stubFor(post("/teams").willReturn(aResponse().withStatus(202)));
    JsonObject slack = subscribe(integration, new JsonObject().put("url", url("/slack")).put("format", "slack")
        .put("filter", new JsonObject().put("type", "case.opened")));
    JsonObject teams = subscribe(integration, new JsonObject().put("url", url("/teams")).put("format", "teams")
        .put("language", "nl").put("filter", new JsonObject().put("type", "case.opened")));
    String caseId = webcare.complaint("hook-chat", "joost", "My order <b>never</b> came & nobody answers");
    JsonObject slackBody = new JsonObject(awaitReceived("/slack", 1).get(0).getBodyAsString());
    assertThat(slackBody.getString("text")).contains("New case").contains(caseId);
    String blocks = slackBody.getJsonArray("blocks").encode();
    // Slack's own escaping, the customer's words, the facts and a button to the case
    assertThat(blocks).contains("&lt;b&gt;never&lt;/b&gt; came &amp; nobody").contains("urgency")
        .contains("http://webcare.test/cases/" + caseId).contains("SLA due");
    JsonObject teamsBody = new JsonObject(awaitReceived("/teams", 1).get(0).getBodyAsString());
    assertThat(teamsBody.getString("type")).isEqualTo("message");
    JsonObject card = teamsBody.getJsonArray("attachments").getJsonObject(0).getJsonObject("content");
    assertThat(card.getString("type")).isEqualTo("AdaptiveCard");
    assertThat(card.encode()).contains("Nieuwe zaak").contains("Urgentie").contains("Open zaak")
        .contains("<b>never</b> came");
    integration.delete("/api/v1/subscriptions/" + slack.getString("id"));
    integration.delete("/api/v1/subscriptions/" + teams.getString("id"));
  }

  @Test
  void anAnalystsWebhookNamesNobody() {
    receiver.stubFor(post("/dashboard").willReturn(aResponse().withStatus(200)));
    ApiClient analyst = webcare.api.withKey(webcare.api.newKey("marketing", "analyst"));
    JsonObject sub = subscribe(analyst, new JsonObject().put("url", url("/dashboard")));
    assertThat(sub.getBoolean("namesAuthors")).isFalse();
    webcare.complaint("hook-analyst", "karin", "@acme_help my meter reading is wrong, call me on 0612345678");
    JsonObject data = new JsonObject(awaitReceived("/dashboard", 1).get(0).getBodyAsString()).getJsonObject("data");
    assertThat(data.containsKey("author")).isFalse();
    assertThat(data.getString("excerpt")).contains("@[handle]").contains("[phone]").doesNotContain("0612345678");
    analyst.delete("/api/v1/subscriptions/" + sub.getString("id"));
  }

  @Test
  void aRotatedSecretSignsBesideTheOldOneDuringTheOverlap() throws Exception {
    receiver.stubFor(post("/rotating").willReturn(aResponse().withStatus(200)));
    JsonObject sub = subscribe(integration, new JsonObject().put("url", url("/rotating")));
    String id = sub.getString("id");
    String old = sub.getString("secret");
    JsonObject rotated = integration.post("/api/v1/subscriptions/" + id + "/secret", "{\"overlapHours\": 1}").json();
    String fresh = rotated.getString("secret");
    assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
    assertThat(rotated.getString("previousSecretUntil")).isNotBlank();
    webcare.complaint("hook-rotate", "lars", "Terrible, my account is locked");
    LoggedRequest request = awaitReceived("/rotating", 1).get(0);
    assertThat(request.getHeader("webhook-signature").split(" ")).hasSize(2);
    assertThatCode(() -> new Webhook(old).verify(request.getBodyAsString(), headers(request)))
        .doesNotThrowAnyException();
    assertThatCode(() -> new Webhook(fresh).verify(request.getBodyAsString(), headers(request)))
        .doesNotThrowAnyException();
    integration.delete("/api/v1/subscriptions/" + id);
  }

  @Test
  void aRevokedKeysWebhooksStop() {
    receiver.stubFor(post("/former").willReturn(aResponse().withStatus(200)));
    String key = webcare.api.newKey("former-partner", "integration");
    ApiClient partner = webcare.api.withKey(key);
    JsonObject sub = subscribe(partner, new JsonObject().put("url", url("/former")));
    String id = sub.getString("id");
    webcare.complaint("hook-former-1", "nina", "Terrible, the meter reading is wrong again");
    awaitReceived("/former", 1);
    String keyId = webcare.api.get("/api/v1/keys?limit=500").json().getJsonArray("items").stream()
        .map(k -> (JsonObject) k).filter(k -> "former-partner".equals(k.getString("owner"))).findFirst()
        .orElseThrow().getString("id");
    assertThat(webcare.api.delete("/api/v1/keys/" + keyId).status()).isEqualTo(200);
    Await.until("the subscription is stopped", Duration.ofSeconds(10),
        () -> !webcare.api.get("/api/v1/subscriptions/" + id).json().getBoolean("enabled"));
    assertThat(webcare.api.get("/api/v1/subscriptions/" + id).json().getString("disabledReason")).contains("revoked");
    webcare.complaint("hook-former-2", "olaf", "Awful service, still no refund");
    assertThat(received("/former")).hasSize(1);
    webcare.api.delete("/api/v1/subscriptions/" + id);
  }

  @Test
  void aRedeliveryIsSentAgainWithItsOwnId() {
    receiver.stubFor(post("/again").willReturn(aResponse().withStatus(200)));
    JsonObject sub = subscribe(integration, new JsonObject().put("url", url("/again"))
        .put("filter", new JsonObject().put("type", "case.opened")));
    String id = sub.getString("id");
    webcare.complaint("hook-again", "mila", "Package lost again, awful and terrible");
    LoggedRequest first = awaitReceived("/again", 1).get(0);
    String alertId = new JsonObject(first.getBodyAsString()).getJsonObject("data").getString("cursor");
    ApiClient.Answer queued = integration.post("/api/v1/subscriptions/" + id + "/redeliver",
        new JsonObject().put("alertId", alertId).encode());
    assertThat(queued.status()).as(queued.body()).isEqualTo(202);
    List<LoggedRequest> both = awaitReceived("/again", 2);
    assertThat(both.get(1).getHeader("webhook-id")).isEqualTo(first.getHeader("webhook-id"));
    Await.until("redelivery logged", Duration.ofSeconds(5),
        () -> deliveries(integration, id).getJsonObject(0).getBoolean("redelivery"));
    integration.delete("/api/v1/subscriptions/" + id);
  }
}
