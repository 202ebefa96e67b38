package nl.webcare.api;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.webcare.connector.push.RequestSignature;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.PushedComplaints;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

/**
 * An analyst reads every route that returns mentions, cases, alerts or dead letters, and finds no name, handle,
 * link, e-mail address or phone number of the customer in any answer.
 */
class AnalystPrivacyTest {
  private static final List<String> PERSONAL = List.of("Els Jansen", "elsjansen", "els@example.nl", "06-12345678",
      "https://photos.example/els", "@elsj");
  private static PushedComplaints pushed;
  private static ApiClient admin;
  private static ApiClient analyst;
  private static String caseId;
  private static String mentionId;

  @BeforeAll
  static void start() {
    pushed = new PushedComplaints();
    admin = pushed.api;
    analyst = admin.withKey(admin.newKey("mara", "analyst"));
    JsonObject mention = new JsonObject().put("externalId", "p-1")
        .put("text", "Terrible! My order never came. Call me on 06-12345678 or mail els@example.nl, photos at "
            + "https://photos.example/els, my other account is @elsj")
        .put("author", new JsonObject().put("name", "Els Jansen").put("handle", "elsjansen"))
        .put("url", "https://forms.example/elsjansen/1");
    byte[] body = mention.encode().getBytes(StandardCharsets.UTF_8);
    mentionId = admin.post("/api/v1/ingest/contact-form", body, RequestSignature.HEADER,
        RequestSignature.sign("form-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8), body)).json()
        .getString("id");
    Await.until("the case is filed", Duration.ofSeconds(30), () -> !admin.get("/api/v1/worklist").json()
        .getJsonArray("items").isEmpty());
    caseId = admin.get("/api/v1/worklist").json().getJsonArray("items").getJsonObject(0).getString("id");
    try (UnifiedJedis client = TestRedis.client()) {
      client.xadd(new RedisKeys(pushed.running.prefix).deadLetterStream(), StreamEntryID.NEW_ENTRY, Map.of("author", "Els Jansen",
          "authorHandle", "elsjansen", "text", "mail els@example.nl", "url", "https://photos.example/els",
          "deadLetter.reason", "failed 5 times", "deadLetter.deliveries", "6"));
    }
  }

  @AfterAll
  static void stop() {
    pushed.close();
  }

  @Test
  void noAnswerAnAnalystGetsNamesThePerson() {
    for (String route : List.of("/api/v1/alerts", "/api/v1/dead-letters", "/api/v1/mentions",
        "/api/v1/mentions/" + mentionId, "/api/v1/worklist", "/api/v1/cases/" + caseId)) {
      ApiClient.Answer answer = analyst.get(route);
      assertThat(answer.status()).as(route).isEqualTo(200);
      for (String personal : PERSONAL) {
        assertThat(answer.body()).as(route + " holds " + personal).doesNotContain(personal);
      }
    }
    // what the analyst came for is still there
    assertThat(analyst.get("/api/v1/mentions/" + mentionId).json().getString("text"))
        .contains("My order never came", "[phone]", "[e-mail]", "[link]", "@[handle]");
  }

  @Test
  void agentsAndIntegrationsStillSeeWhoWrote() {
    ApiClient integration = admin.withKey(admin.newKey("helpdesk", "integration"));
    assertThat(integration.get("/api/v1/alerts").body()).contains("Els Jansen");
    assertThat(admin.get("/api/v1/dead-letters").body()).contains("elsjansen");
  }
}
