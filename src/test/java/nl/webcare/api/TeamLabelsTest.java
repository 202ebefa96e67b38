package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.PushedComplaints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The labels the team's work leaves: a reply, a dismissal, corrections; counted; erased with their author. */
class TeamLabelsTest {
  private static PushedComplaints webcare;
  private static ApiClient agent;
  private static ApiClient lead;

  @BeforeAll
  static void start() {
    webcare = new PushedComplaints();
    agent = webcare.api.withKey(webcare.api.newKey("ann", "agent", "care"));
    lead = webcare.api.withKey(webcare.api.newKey("lea", "lead", "care"));
  }

  @AfterAll
  static void stop() {
    webcare.close();
  }

  private static JsonObject needsReply() {
    return lead.get("/api/v1/labels").json().getJsonObject("groups").getJsonObject("acme|en|needs-reply",
        new JsonObject());
  }

  @Test
  void repliesDismissalsAndCorrectionsBecomeLabelsThatGoWithTheirAuthor() {
    // GIVEN a complaint answered, and one dismissed as not for us
    String answered = webcare.complaint("lab-1", "karin", "Terrible, my parcel never arrived");
    assertThat(agent.post("/api/v1/cases/" + answered + "/claim", "{}").status()).isEqualTo(200);
    assertThat(agent.post("/api/v1/cases/" + answered + "/reply", new JsonObject().put("text", "Sorry, on it")
        .put("link", "https://forms.example/a/1").encode()).status()).isEqualTo(200);
    String dismissed = webcare.complaint("lab-2", "spammer", "Awful awful awful, buy cheap followers here");
    assertThat(agent.post("/api/v1/cases/" + dismissed + "/dismiss", "{\"reason\":\"not_for_us\"}").status())
        .isEqualTo(200);
    // THEN the answered one needed a reply and the dismissed one did not
    Await.until("both labels kept", Duration.ofSeconds(10),
        () -> needsReply().getLong("yes", 0L) == 1 && needsReply().getLong("no", 0L) == 1);
    // WHEN the agent corrects the first: it was praise after all; and says a mention's sentiment is negative
    ApiClient.Answer corrected = agent.post("/api/v1/cases/" + answered + "/triage", "{\"class\":\"praise\"}");
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().getString("value")).isEqualTo("no");
    String mentionId = agent.get("/api/v1/cases/" + answered).json().getString("mentionId");
    assertThat(agent.post("/api/v1/mentions/" + mentionId + "/label", "{\"label\":\"negative\"}").status())
        .isEqualTo(200);
    // THEN the counts follow: the correction replaced the reply's label
    assertThat(needsReply().getLong("yes", 0L)).isZero();
    assertThat(needsReply().getLong("no")).isEqualTo(2);
    assertThat(lead.get("/api/v1/labels").json().getJsonObject("groups").getJsonObject("acme|en|sentiment")
        .getLong("negative")).isEqualTo(1);
    // AND a wrong class or label is refused, and analysts see no labels
    assertThat(agent.post("/api/v1/cases/" + answered + "/triage", "{\"class\":\"rant\"}").status()).isEqualTo(400);
    assertThat(agent.post("/api/v1/mentions/" + mentionId + "/label", "{\"label\":\"meh\"}").status()).isEqualTo(400);
    ApiClient analyst = webcare.api.withKey(webcare.api.newKey("mara", "analyst"));
    assertThat(analyst.get("/api/v1/labels").status()).isEqualTo(403);
    // WHEN karin asks to be forgotten THEN her labels (which hold her text) go, and the counts with them
    assertThat(webcare.api.delete("/api/v1/authors/form/karin").status()).isEqualTo(200);
    assertThat(needsReply().getLong("no")).isEqualTo(1);
    assertThat(lead.get("/api/v1/labels").json().getJsonObject("groups").containsKey("acme|en|sentiment")).isFalse();
  }
}
