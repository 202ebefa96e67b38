package nl.webcare.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.PushedComplaints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A burst of complaints about one aspect, pushed through a signed source as a relay would: the spike detector
 * (checked every 300 ms in tests, on a new installation's floor: 10 negative mentions in 15 minutes) raises
 * spike.started, opens one incident case for the lead, tags the spike's cases, and gives a new case about the same
 * aspect the crisis SLA band; a few complaints raise nothing.
 */
class SpikeEndToEndTest {
  private static PushedComplaints webcare;

  @BeforeAll
  static void start() {
    webcare = new PushedComplaints();
  }

  @AfterAll
  static void stop() {
    webcare.close();
  }

  private static List<JsonObject> alerts(String type) {
    JsonArray items = webcare.api.get("/api/v1/alerts?type=" + type + "&limit=100").json().getJsonArray("items");
    return items.stream().map(o -> (JsonObject) o).toList();
  }

  @Test
  void aBurstOfComplaintsAboutDeliveryPagesTheLeadWithAnIncident() throws Exception {
    // GIVEN five complaints: an ordinary trickle for this brand
    for (int i = 0; i < 5; i++) {
      webcare.complaint("trickle-" + i, "early" + i, "Terrible service, my parcel is late again, awful");
    }
    Thread.sleep(1500); // five rounds of the detector
    // THEN no spike
    assertThat(alerts("spike.started")).isEmpty();

    // WHEN seven more complaints about deliveries arrive (12 in 15 minutes: over the floor's threshold of 10)
    List<String> burst = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      burst.add(webcare.complaint("burst-" + i, "angry" + i, "Awful, my delivery never came and the package is lost"));
    }
    // THEN spike.started names the brand, the count against its baseline and the aspect, with mentions to read
    Await.until("a spike is raised", Duration.ofSeconds(20), () -> !alerts("spike.started").isEmpty());
    JsonObject started = alerts("spike.started").get(0);
    assertThat(started.getString("brand")).isEqualTo("acme");
    assertThat(started.getString("scope")).isIn("all", "form");
    assertThat(started.getLong("count")).isGreaterThanOrEqualTo(10);
    assertThat(started.getDouble("baseline")).isEqualTo(2.0);
    assertThat(started.getString("aspects")).contains("delivery");
    assertThat(started.getString("examples")).isNotBlank();
    // over all channels and on its one channel, the form: the detector may raise them a round apart
    Await.until("both spikes are raised", Duration.ofSeconds(20), () -> alerts("spike.started").size() >= 2);
    assertThat(alerts("spike.started")).hasSize(2);
    // AND one incident case for the lead: a crisis in the care queue, opened by the spike detector
    Await.until("the incident is opened", Duration.ofSeconds(20), () -> incident() != null);
    JsonObject incident = incident();
    assertThat(incident.getString("triageClass")).isEqualTo("crisis");
    assertThat(incident.getString("team")).isEqualTo("care");
    String incidentId = incident.getString("id");
    JsonObject spikes = webcare.api.get("/api/v1/analytics/spikes?brand=acme").json();
    assertThat(spikes.getJsonArray("items")).hasSize(2);
    assertThat(spikes.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("incidentCaseId"))
        .collect(Collectors.toSet())).containsExactly(incidentId);
    // AND the spike's cases carry the incident's tag
    String lastOfBurst = burst.get(burst.size() - 1);
    Await.until("the burst's cases are tagged", Duration.ofSeconds(20),
        () -> tags(lastOfBurst).contains("incident:" + incidentId));
    assertThat(webcare.api.get("/api/v1/cases/" + incidentId).json().getJsonArray("notes").encode())
        .contains(lastOfBurst);

    // WHEN a new complaint about a delivery arrives while the spike lasts
    String late = webcare.complaint("during-1", "later1", "My package tracking is broken, terrible");
    // THEN its first response is due on the crisis band's 15 minutes, not a complaint's hours
    JsonObject sla = webcare.api.get("/api/v1/cases/" + late).json().getJsonObject("sla");
    assertThat(sla.getString("band")).isEqualTo("crisis");
    Instant due = Instant.parse(sla.getString("firstResponseDue"));
    assertThat(Duration.between(Instant.now(), due)).isLessThanOrEqualTo(Duration.ofMinutes(15));

    // AND the CSV of spikes parses as one header and a row per spike
    ApiClient.Answer csv = webcare.api.get("/api/v1/analytics/spikes?brand=acme", "Accept", "text/csv");
    String[] lines = csv.body().split("\n");
    assertThat(lines[0]).startsWith("id,brand,channel,started");
    assertThat(lines).hasSize(3);
    assertThat(lines[1].split(",", -1)).hasSize(11);
  }

  private static JsonObject incident() {
    for (Object o : webcare.api.get("/api/v1/worklist?limit=500").json().getJsonArray("items")) {
      JsonObject c = (JsonObject) o;
      if ("spike-detector".equals(c.getString("source"))) {
        return c;
      }
    }
    return null;
  }

  private static String tags(String caseId) {
    return webcare.api.get("/api/v1/cases/" + caseId).json().getValue("tags", "").toString();
  }
}
