package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import nl.webcare.support.ApiClient;
import nl.webcare.support.PushedComplaints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worklist page's version: an unchanged page answers 304 to its ETag, every change of a case gives the page a
 * new ETag and new content (never a kept page of before), and no two callers or queries share a page.
 */
class WorklistPageVersionTest {
  private static PushedComplaints webcare;
  private static ApiClient agent;

  @BeforeAll
  static void start() {
    webcare = new PushedComplaints();
    agent = webcare.api.withKey(webcare.api.newKey("ann", "agent", "care"));
  }

  @AfterAll
  static void stop() {
    webcare.close();
  }

  private static JsonObject rowOf(ApiClient.Answer page, String caseId) {
    return page.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(r -> caseId.equals(r.getString("id"))).findFirst().orElseThrow();
  }

  @Test
  void anUnchangedPageAnswers304AndEveryChangeGivesANewPage() {
    String first = webcare.complaint("v-1", "vera", "Terrible service, my parcel never arrived");
    ApiClient.Answer page = agent.get("/api/v1/worklist?limit=50");
    String etag = page.header("ETag");
    assertThat(etag).isNotBlank();
    JsonObject row = rowOf(page, first);
    assertThat(row.getString("excerpt")).isEqualTo("Terrible service, my parcel never arrived");
    assertThat(row.containsKey("mention")).isFalse();
    assertThat(row.getJsonObject("sla").getString("firstResponseDue")).isNotBlank();

    // the same page again: the same ETag; sent back, 304 and no body
    assertThat(agent.get("/api/v1/worklist?limit=50").header("ETag")).isEqualTo(etag);
    ApiClient.Answer unchanged = agent.get("/api/v1/worklist?limit=50", "If-None-Match", etag);
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();

    // WHEN the case is claimed: a new ETag, and the page shows the claim (not the page kept before it)
    assertThat(agent.post("/api/v1/cases/" + first + "/claim", "{}").status()).isEqualTo(200);
    ApiClient.Answer afterClaim = agent.get("/api/v1/worklist?limit=50", "If-None-Match", etag);
    assertThat(afterClaim.status()).isEqualTo(200);
    assertThat(afterClaim.header("ETag")).isNotEqualTo(etag);
    assertThat(rowOf(afterClaim, first).getString("assignee")).isEqualTo("ann");

    // WHEN a new complaint is filed: it is on the page at once
    String second = webcare.complaint("v-2", "wim", "Still no refund after three weeks, awful");
    assertThat(agent.get("/api/v1/worklist?limit=50").json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("id"))).contains(first, second);
  }

  @Test
  void callersAndQueriesDoNotShareAPage() {
    webcare.complaint("v-3", "xander", "The app crashes when I pay, useless");
    ApiClient analyst = webcare.api.withKey(webcare.api.newKey("mia", "analyst"));
    ApiClient.Answer agentsPage = agent.get("/api/v1/worklist?limit=50");
    ApiClient.Answer analystsPage = analyst.get("/api/v1/worklist?limit=50");
    // the analyst may not see authors: another page, another ETag, and the agent's ETag means nothing to it
    assertThat(analystsPage.header("ETag")).isNotEqualTo(agentsPage.header("ETag"));
    assertThat(analystsPage.json().getJsonArray("items").getJsonObject(0).containsKey("author")).isFalse();
    assertThat(agentsPage.json().getJsonArray("items").getJsonObject(0).containsKey("author")).isTrue();
    assertThat(analyst.get("/api/v1/worklist?limit=50", "If-None-Match", agentsPage.header("ETag")).status())
        .isEqualTo(200);
    // a filter is another page too
    assertThat(agent.get("/api/v1/worklist?limit=50&state=new").header("ETag"))
        .isNotEqualTo(agentsPage.header("ETag"));
  }
}
