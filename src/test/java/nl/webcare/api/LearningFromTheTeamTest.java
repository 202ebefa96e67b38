package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import nl.webcare.config.WebcareConfig;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.PushedComplaints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The team-learning loop end to end: labels recorded through the API (replies and dismissals), a model trained from
 * them and promoted (no model before it), and a mention decided differently because of it.
 */
class LearningFromTheTeamTest {
  private static PushedComplaints webcare;
  private static ApiClient agent;

  @BeforeAll
  static void start() {
    // learn after 30 new labels, looked at twice a second
    webcare = new PushedComplaints(c -> c.withLearning(new WebcareConfig.Learning(true, 30, Duration.ofMillis(500))));
    agent = webcare.api.withKey(webcare.api.newKey("ann", "agent", "care"));
  }

  @AfterAll
  static void stop() {
    webcare.close();
  }

  private static String caseOf(String mentionId) {
    for (Object o : webcare.api.get("/api/v1/worklist?limit=500").json().getJsonArray("items")) {
      if (mentionId.equals(((JsonObject) o).getString("mentionId"))) {
        return ((JsonObject) o).getString("id");
      }
    }
    return null;
  }

  @Test
  void aModelLearnedFromTheTeamsDecisionsChangesWhatOpensACase() {
    // GIVEN the team answers parcel complaints, and dismisses tracking-code questions (the shop's own page answers
    // them: no reply needed), 20 of each; the rules open a case for both
    for (int i = 0; i < 20; i++) {
      String complaint = webcare.complaint("learn-c" + i, "buyer" + i, "Terrible, my parcel " + i + " never arrived");
      assertThat(agent.post("/api/v1/cases/" + complaint + "/claim", "{}").status()).isEqualTo(200);
      assertThat(agent.post("/api/v1/cases/" + complaint + "/reply", new JsonObject().put("text", "Sorry, on it")
          .put("link", "https://forms.example/a/" + i).encode()).status()).isEqualTo(200);
      String question = webcare.complaint("learn-q" + i, "asker" + i, "Where can I find the tracking code of order "
          + (1000 + i) + "?");
      assertThat(agent.post("/api/v1/cases/" + question + "/dismiss", "{\"reason\":\"no_reply_needed\"}").status())
          .isEqualTo(200);
    }
    // THEN a model of acme's English needs-reply labels is trained and, there being none before, made current
    Await.until("a model is current", Duration.ofSeconds(60), () -> webcare.api.get("/api/v1/models").json()
        .getJsonArray("items").stream().map(o -> (JsonObject) o).anyMatch(v -> v.getBoolean("current")));
    JsonArray versions = webcare.api.get("/api/v1/models").json().getJsonArray("items");
    JsonObject current = versions.getJsonObject(0);
    assertThat(current.getString("group")).isEqualTo("acme|en|needs-reply");
    // trained as soon as 30 labels had come (some of the 40 came after)
    assertThat(current.getInteger("examples") + current.getInteger("heldBack")).isBetween(30, 40);
    assertThat(current.getValue("scoreOfCurrent")).isNull();
    // WHEN the same kind of question comes again (after every process has read the model)
    sleep(1500);
    String question = webcare.push("learn-q-new", "newasker", "Where can I find the tracking code of order 2000?", null);
    String complaint = webcare.push("learn-c-new", "newbuyer", "Terrible, my parcel 99 never arrived", null);
    // THEN the complaint opens a case as before, and the question does not: the model learned it needs no reply
    Await.until("the complaint has a case", Duration.ofSeconds(30), () -> caseOf(complaint) != null);
    Await.until("the question is stored", Duration.ofSeconds(30),
        () -> webcare.api.get("/api/v1/mentions/" + question).status() == 200);
    sleep(1000);
    assertThat(caseOf(question)).isNull();
    // AND an admin can roll back (promote a version); a wrong id is refused
    assertThat(webcare.api.post("/api/v1/models/" + current.getString("id") + "/promote", "{}").status())
        .isEqualTo(200);
    assertThat(webcare.api.post("/api/v1/models/nonsense/promote", "{}").status()).isEqualTo(400);
    assertThat(agent.get("/api/v1/models").status()).isEqualTo(403);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
