package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import nl.webcare.support.ApiClient;
import nl.webcare.support.PushedComplaints;
import nl.webcare.support.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keys of agents and leads name their teams: an agent sees and works the cases of its teams only, a case is
 * handed only to somebody in its team, and the default worklist is what an agent works on. Runs without CoreNLP.
 */
class TeamsOnKeysTest {
  private static PushedComplaints pushed;
  private static RunningApp running;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    pushed = new PushedComplaints();
    running = pushed.running;
    admin = pushed.api;
  }

  @AfterAll
  static void stop() {
    pushed.close();
  }

  @Test
  void anAgentWorksTheCasesOfItsTeamsOnly() {
    // GIVEN a complaint in the care queue, an agent of care, one of legal and one from before teams
    String caseId = complaint("t-1", "ann-customer", "Terrible service, my order never arrived and nobody answers!");
    ApiClient care = admin.withKey(admin.newKey("ann", "agent", "care"));
    ApiClient legal = admin.withKey(admin.newKey("lars", "agent", "legal"));
    ApiClient everyTeam = admin.withKey(admin.newKey("olga", "agent"));

    // WHEN the legal agent reads or claims it THEN it is another team's case
    ApiClient.Answer read = legal.get("/api/v1/cases/" + caseId);
    assertThat(read.status()).isEqualTo(403);
    assertThat(read.json().getString("error")).isEqualTo("other_team");
    assertThat(legal.post("/api/v1/cases/" + caseId + "/claim", "{}").status()).isEqualTo(403);
    assertThat(legal.post("/api/v1/cases/" + caseId + "/reply", "{\"text\":\"hi\",\"link\":\"https://x.nl/1\"}").status())
        .isEqualTo(403);
    assertThat(legal.get("/api/v1/worklist?team=care").status()).isEqualTo(403);
    assertThat(ids(legal.get("/api/v1/worklist"))).doesNotContain(caseId);

    // AND the care agent and the key without teams see it in their worklist and may claim it
    assertThat(ids(care.get("/api/v1/worklist"))).contains(caseId);
    assertThat(ids(everyTeam.get("/api/v1/worklist"))).contains(caseId);
    assertThat(care.post("/api/v1/cases/" + caseId + "/claim", "{}").status()).isEqualTo(200);
  }

  @Test
  void aCaseIsHandedOnlyToSomebodyWithAKeyInItsTeam() {
    String caseId = complaint("t-2", "bert-customer", "Worst app ever, it crashed and deleted my bookings. Awful.");
    admin.newKey("lars2", "agent", "legal");
    admin.newKey("cor", "agent", "care");
    ApiClient lead = admin.withKey(admin.newKey("lea", "lead", "care"));

    ApiClient.Answer toLegal = lead.post("/api/v1/cases/" + caseId + "/reassign", "{\"agent\":\"lars2\"}");
    assertThat(toLegal.status()).isEqualTo(400);
    assertThat(toLegal.json().getString("error")).isEqualTo("unknown_agent");
    assertThat(lead.post("/api/v1/cases/" + caseId + "/reassign", "{\"agent\":\"nobody\"}").json().getString("error"))
        .isEqualTo("unknown_agent");
    ApiClient.Answer toCor = lead.post("/api/v1/cases/" + caseId + "/reassign", "{\"agent\":\"cor\"}");
    assertThat(toCor.status()).isEqualTo(200);
    assertThat(toCor.json().getString("assignee")).isEqualTo("cor");
  }

  @Test
  void keysNameConfiguredTeamsAndOnlyAgentsAndLeadsHaveThem() {
    ApiClient.Answer unknown = admin.post("/api/v1/keys", "{\"owner\":\"x\",\"role\":\"agent\",\"teams\":[\"nope\"]}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().getString("message")).contains("nope");
    assertThat(admin.post("/api/v1/keys", "{\"owner\":\"x\",\"role\":\"analyst\",\"teams\":[\"care\"]}").status())
        .isEqualTo(400);
    ApiClient.Answer made = admin.post("/api/v1/keys", "{\"owner\":\"y\",\"role\":\"lead\",\"teams\":[\"care\",\"tech\"]}");
    assertThat(made.status()).isEqualTo(201);
    assertThat(made.json().getJsonArray("teams").stream().toList()).containsExactly("care", "tech");
  }

  @Test
  void theDefaultWorklistIsWhatAnAgentWorksOnAndWaitingCasesComeWhenAskedFor() {
    String caseId = complaint("t-3", "dirk-customer", "Still no refund after three weeks, this is unacceptable!");
    ApiClient care = admin.withKey(admin.newKey("dana", "agent", "care"));
    assertThat(care.post("/api/v1/cases/" + caseId + "/reply", new JsonObject().put("text", "We are on it")
        .put("link", "https://acme.example/forms/4711").encode()).status()).isEqualTo(200);

    assertThat(ids(care.get("/api/v1/worklist?limit=500"))).doesNotContain(caseId);
    assertThat(ids(care.get("/api/v1/worklist?state=waiting&limit=500"))).contains(caseId);
  }

  private static String complaint(String externalId, String handle, String text) {
    return pushed.complaint(externalId, handle, text);
  }

  private static List<Object> ids(ApiClient.Answer page) {
    assertThat(page.status()).isEqualTo(200);
    return page.json().getJsonArray("items").stream().map(i -> (Object) ((JsonObject) i).getString("id")).toList();
  }
}
