package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import nl.webcare.support.ApiClient;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Subscriptions belong to the key that made them; what cannot be delivered is refused when it is made. */
class SubscriptionRoutesTest {
  private static RunningApp webcare;
  private static ApiClient admin;
  private static ApiClient tickets;
  private static ApiClient other;

  @BeforeAll
  static void start() {
    webcare = new RunningApp(TestRedis.tempDir(), Map.of(), RunningApp.LIGHT);
    admin = webcare.api;
    tickets = admin.withKey(admin.newKey("tickets", "integration"));
    other = admin.withKey(admin.newKey("crm", "integration"));
  }

  @AfterAll
  static void stop() {
    webcare.close();
  }

  private static void assertError(ApiClient.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().getString("error")).isEqualTo(code);
    assertThat(answer.json().getString("message")).isNotBlank();
  }

  @Test
  void anIntegrationSeesOnlyItsOwnAndAnAdminSeesAll() {
    JsonObject made = tickets.post("/api/v1/subscriptions", new JsonObject().put("name", "mine")
        .put("filter", new JsonObject().put("type", "case.*").put("brand", "acme").put("minUrgency", 0.5)).encode())
        .json();
    String id = made.getString("id");
    assertThat(id).startsWith("sub_");
    assertThat(made.getJsonObject("filter").getJsonArray("type")).containsExactly("case.*");
    assertThat(made.getJsonObject("filter").getDouble("minUrgency")).isEqualTo(0.5);
    assertThat(made.containsKey("secret")).as("no webhook, no secret").isFalse();
    assertThat(tickets.get("/api/v1/subscriptions").json().getJsonArray("items")).hasSize(1);
    // another key: as if it did not exist
    assertThat(other.get("/api/v1/subscriptions").json().getJsonArray("items")).isEmpty();
    assertError(other.get("/api/v1/subscriptions/" + id), 404, "not_found");
    assertError(other.delete("/api/v1/subscriptions/" + id), 404, "not_found");
    assertError(other.patch("/api/v1/subscriptions/" + id, "{\"name\":\"theirs\"}"), 404, "not_found");
    JsonArray all = admin.get("/api/v1/subscriptions").json().getJsonArray("items");
    assertThat(all.stream().map(s -> ((JsonObject) s).getString("id"))).contains(id);
    // changed by its owner; deleted by an admin
    JsonObject changed = tickets.patch("/api/v1/subscriptions/" + id,
        "{\"name\":\"renamed\",\"filter\":{\"team\":[\"legal\"]}}").json();
    assertThat(changed.getString("name")).isEqualTo("renamed");
    assertThat(changed.getJsonObject("filter").fieldNames()).containsExactly("team");
    assertThat(admin.delete("/api/v1/subscriptions/" + id).status()).isEqualTo(200);
    assertError(tickets.get("/api/v1/subscriptions/" + id), 404, "not_found");
  }

  @Test
  void whatCannotBeDeliveredIsRefusedWhenItIsMade() {
    // a private address is refused by the outbound guard (tests allow loopback only, for their fakes)
    assertError(tickets.post("/api/v1/subscriptions", "{\"url\":\"http://10.1.2.3/hook\"}"), 400, "url_refused");
    assertError(tickets.post("/api/v1/subscriptions", "{\"url\":\"http://169.254.169.254/latest/meta-data\"}"), 400,
        "url_refused");
    assertError(tickets.post("/api/v1/subscriptions", "{\"url\":\"file:///etc/passwd\"}"), 400, "url_refused");
    assertError(tickets.post("/api/v1/subscriptions", "{\"url\":\"https://user:pw@example.org/\"}"), 400,
        "url_refused");
    assertError(tickets.post("/api/v1/subscriptions", "{\"url\":\"http://127.0.0.1:9/h\",\"format\":\"fax\"}"), 400,
        "bad_field");
    assertError(tickets.post("/api/v1/subscriptions", "{\"format\":\"slack\"}"), 400, "bad_field");
    assertError(tickets.post("/api/v1/subscriptions", "{\"filter\":{\"colour\":\"red\"}}"), 400, "bad_filter");
    assertError(tickets.post("/api/v1/subscriptions", "{\"filter\":{\"type\":\"case.exploded\"}}"), 400,
        "bad_filter");
    assertError(tickets.post("/api/v1/subscriptions", "{\"filter\":{\"minUrgency\":7}}"), 400, "bad_filter");
    assertError(tickets.post("/api/v1/subscriptions", "{\"filter\":[\"case.opened\"]}"), 400, "bad_filter");
    assertError(tickets.post("/api/v1/subscriptions", "{\"webhook\":\"x\"}"), 400, "bad_field");
    assertError(tickets.post("/api/v1/subscriptions", "{\"startAfter\":\"yesterday\"}"), 400, "bad_field");
    assertError(tickets.post("/api/v1/subscriptions", "{\"url\": 5"), 400, "bad_json");
    assertError(tickets.post("/api/v1/subscriptions/sub_0000000000000000/redeliver", "{\"alertId\":\"x\"}"), 400,
        "bad_field");
  }

  @Test
  void aWebhookUrlIsShownWholeOnlyWhenItIsSet() {
    String url = "http://127.0.0.1:9/services/T000/B000/very-secret-token";
    JsonObject made = tickets.post("/api/v1/subscriptions", new JsonObject().put("url", url).encode()).json();
    String id = made.getString("id");
    String shown = tickets.get("/api/v1/subscriptions/" + id).json().getString("url");
    assertThat(shown).startsWith("http://127.0.0.1:9/services/").doesNotContain("very-secret-token");
    assertThat(tickets.get("/api/v1/subscriptions").body()).doesNotContain("very-secret-token");
    // a subscription without a webhook has no secret to rotate
    String plain = tickets.post("/api/v1/subscriptions", "{}").json().getString("id");
    assertError(tickets.post("/api/v1/subscriptions/" + plain + "/secret", "{}"), 409, "not_a_webhook");
    assertError(tickets.post("/api/v1/subscriptions/" + id + "/secret", "{\"overlapHours\": 1000}"), 400,
        "bad_field");
    tickets.delete("/api/v1/subscriptions/" + id);
    tickets.delete("/api/v1/subscriptions/" + plain);
  }

  @Test
  void aKeyHoldsAtMostFiftySubscriptions() {
    ApiClient busy = admin.withKey(admin.newKey("busy", "integration"));
    for (int i = 0; i < 50; i++) {
      assertThat(busy.post("/api/v1/subscriptions", "{}").status()).isEqualTo(201);
    }
    assertError(busy.post("/api/v1/subscriptions", "{}"), 409, "too_many_subscriptions");
  }
}
