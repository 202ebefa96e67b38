package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import nl.webcare.support.ApiClient;
import nl.webcare.support.PushedComplaints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service report as a lead and an analyst read it, after an agent worked two complaints through the API. */
class ServiceRoutesTest {
  private static PushedComplaints webcare;
  private static ApiClient lead;
  private static ApiClient analyst;
  private static String resolvedCase;

  @BeforeAll
  static void start() {
    webcare = new PushedComplaints();
    ApiClient agent = webcare.api.withKey(webcare.api.newKey("=ann,agent", "agent", "care"));
    lead = webcare.api.withKey(webcare.api.newKey("lea", "lead", "care"));
    analyst = webcare.api.withKey(webcare.api.newKey("marketing", "analyst"));
    resolvedCase = webcare.complaint("svc-1", "karin", "Terrible, my parcel never arrived");
    String dismissed = webcare.complaint("svc-2", "piet", "Awful spam spam spam");
    assertThat(agent.post("/api/v1/cases/" + resolvedCase + "/claim", "{}").status()).isEqualTo(200);
    ApiClient.Answer replied = agent.post("/api/v1/cases/" + resolvedCase + "/reply",
        new JsonObject().put("text", "Sorry Karin, we are sending a new one")
            .put("link", "https://forms.example/answers/1").encode());
    assertThat(replied.status()).as(replied.body()).isEqualTo(200);
    assertThat(agent.post("/api/v1/cases/" + resolvedCase + "/resolve", "{}").status()).isEqualTo(200);
    assertThat(agent.post("/api/v1/cases/" + dismissed + "/dismiss",
        new JsonObject().put("reason", "spam").encode()).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    webcare.close();
  }

  @Test
  void aLeadSeesTheTeamsFiguresPerAgent() {
    JsonObject report = lead.get("/api/v1/service").json();
    JsonObject all = report.getJsonObject("all");
    assertThat(all.getInteger("closed")).isEqualTo(2);
    assertThat(all.getInteger("resolved")).isEqualTo(1);
    assertThat(all.getInteger("dismissed")).isEqualTo(1);
    assertThat(all.getJsonObject("firstResponse").getInteger("cases")).isEqualTo(1);
    assertThat(all.getJsonObject("firstContactResolution").getDouble("rate")).isEqualTo(1.0);
    assertThat(all.getDouble("reopenRate")).isEqualTo(0.0);
    assertThat(report.getJsonArray("byAgent").encode()).contains("=ann,agent");
    // one agent's figures
    JsonObject anns = lead.get("/api/v1/service?agent=%3Dann%2Cagent").json();
    assertThat(anns.getJsonObject("all").getInteger("closed")).isEqualTo(2);
    // the case shows its own figures
    JsonObject figures = lead.get("/api/v1/cases/" + resolvedCase).json().getJsonObject("figures");
    assertThat(figures.getInteger("replies")).isEqualTo(1);
    assertThat(figures.getBoolean("firstContactResolution")).isTrue();
    assertThat(figures.getJsonObject("heldSecondsByAgent").containsKey("=ann,agent")).isTrue();
  }

  @Test
  void anAnalystSeesNoAgentNames() {
    JsonObject report = analyst.get("/api/v1/service").json();
    assertThat(report.containsKey("byAgent")).isFalse();
    assertThat(report.encode()).doesNotContain("=ann");
    assertThat(analyst.get("/api/v1/service?agent=ann").status()).isEqualTo(403);
    assertThat(analyst.get("/api/v1/service", "Accept", "text/csv").body()).doesNotContain("agent,");
  }

  @Test
  void theCsvParsesAndAFormulaIsWrittenAsText() {
    List<String> lines = lead.get("/api/v1/service", "Accept", "text/csv").body().lines().toList();
    assertThat(lines.get(0)).startsWith("group,name,closed,resolved,dismissed,first_response_median_s");
    int columns = lines.get(0).split(",").length;
    assertThat(lines.get(1)).startsWith("all,all,2,1,1,");
    assertThat(lines.get(1).split(",", -1)).hasSize(columns);
    // an agent named like a formula is quoted text in the spreadsheet, not a formula
    assertThat(lines).anyMatch(l -> l.startsWith("agent,\"'=ann,agent\","));
    assertThat(lead.get("/api/v1/service?from=2026-13-01").status()).isEqualTo(400);
  }
}
