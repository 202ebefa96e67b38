package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.webcare.connector.push.RequestSignature;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The marketing figures as an analyst reads them: recounted against the stored mentions, against a competitor. */
class AnalyticsRoutesTest {
  private static final String SECRET = "analytics-secret-0123456789";
  private static RunningApp webcare;
  private static ApiClient analyst;

  @BeforeAll
  static void start() {
    Path connectors = TestRedis.tempDir();
    write(connectors, "acme-form", "brand: acme\nchannel: form\n");
    write(connectors, "rival-reviews", "brand: rivalco\nchannel: reviews\ncompetitor: true\n");
    webcare = new RunningApp(connectors, Map.of("ANALYTICS_SECRET", SECRET), RunningApp.LIGHT);
    analyst = webcare.api.withKey(webcare.api.newKey("marketing", "analyst"));
    push("acme-form", "a1", "Terrible service, my order never came and nobody answers");
    push("acme-form", "a2", "Awful app, it crashes all the time");
    push("acme-form", "a3", "Great help from the team today, thank you so much!");
    push("rival-reviews", "r1", "Horrible experience with RivalCo, worst support ever");
    push("rival-reviews", "r2", "RivalCo is wonderful, love their service");
    Await.until("all five stored", Duration.ofSeconds(30), () -> stored("acme").size() == 3
        && stored("rivalco").size() == 2);
  }

  @AfterAll
  static void stop() {
    webcare.close();
  }

  private static void write(Path dir, String name, String yaml) {
    try {
      Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\ntype: push\nlanguage: en\n"
          + "secretEnv: ANALYTICS_SECRET\n" + yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void push(String source, String id, String text) {
    byte[] body = new JsonObject().put("externalId", id).put("text", text)
        .put("author", new JsonObject().put("name", "n-" + id).put("handle", "h-" + id).put("followers", 100))
        .encode().getBytes(StandardCharsets.UTF_8);
    assertThat(webcare.api.post("/api/v1/ingest/" + source, body, RequestSignature.HEADER,
        RequestSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), body)).status()).isEqualTo(202);
  }

  private static List<JsonObject> stored(String brand) {
    return webcare.api.get("/api/v1/mentions?brand=" + brand + "&limit=100").json().getJsonArray("items").stream()
        .map(m -> (JsonObject) m).toList();
  }

  private static long recount(String brand, String label) {
    return stored(brand).stream().filter(m -> label.equals(m.getJsonObject("sentiment").getString("label"))).count();
  }

  @Test
  void sentimentOverTimeEqualsARecountOfTheStoredMentions() {
    JsonObject answer = analyst.get("/api/v1/analytics/sentiment?brand=acme&interval=day").json();
    assertThat(answer.getString("timezone")).isEqualTo("Europe/Amsterdam");
    JsonObject total = answer.getJsonObject("total");
    assertThat(total.getLong("total")).isEqualTo(3);
    for (String label : List.of("positive", "neutral", "negative")) {
      assertThat(total.getLong(label)).as(label).isEqualTo(recount("acme", label));
    }
    assertThat(total.getLong("reach")).isEqualTo(300);
    JsonArray buckets = answer.getJsonArray("buckets");
    assertThat(buckets.size()).isBetween(30, 32);
    assertThat(buckets.getJsonObject(0).getLong("total")).isZero();
    // hours: the last 48 by default, this hour's bucket holds them
    JsonArray hours = analyst.get("/api/v1/analytics/sentiment?brand=acme&interval=hour").json()
        .getJsonArray("buckets");
    assertThat(hours.stream().mapToLong(b -> ((JsonObject) b).getLong("total")).sum()).isEqualTo(3);
  }

  @Test
  void shareOfVoiceCountsTheCompetitorWhoseMentionsNeverReachTheQueue() {
    JsonObject sov = analyst.get("/api/v1/analytics/share-of-voice?brands=acme,rivalco").json();
    assertThat(sov.getLong("mentions")).isEqualTo(5);
    JsonArray brands = sov.getJsonArray("brands");
    assertThat(brands.getJsonObject(0).getString("brand")).isEqualTo("acme");
    assertThat(brands.getJsonObject(0).getDouble("share")).isEqualTo(0.6);
    assertThat(brands.getJsonObject(1).getDouble("share")).isEqualTo(0.4);
    // the competitor's complaint opened no case of ours; ours did
    String worklist = webcare.api.get("/api/v1/worklist?limit=500").body();
    assertThat(worklist).doesNotContain("rivalco").contains("acme");
  }

  @Test
  void topicsSayWhatPeopleAreNegativeAboutWithMentionsToRead() {
    JsonObject answer = analyst.get("/api/v1/analytics/topics?brand=acme&label=negative").json();
    List<JsonObject> topics = answer.getJsonArray("topics").stream().map(t -> (JsonObject) t).toList();
    assertThat(topics).extracting(t -> t.getString("aspect")).contains("app", "delivery", "service");
    JsonObject app = topics.stream().filter(t -> t.getString("aspect").equals("app")).findFirst().orElseThrow();
    assertThat(app.getLong("mentions")).isEqualTo(1);
    assertThat(app.getLong("previous")).isZero();
    assertThat(app.getValue("change")).isNull();
    String example = app.getJsonArray("examples").getString(0);
    assertThat(analyst.get("/api/v1/mentions/" + example).json().getString("text")).contains("crashes");
    // the praise is about nothing negative
    assertThat(analyst.get("/api/v1/analytics/topics?brand=acme&label=positive").json().getJsonArray("topics"))
        .isEmpty();
    assertThat(analyst.get("/api/v1/analytics/topics?brand=acme&label=angry").status()).isEqualTo(400);
    List<String> csv = analyst.get("/api/v1/analytics/topics?brand=acme", "Accept", "text/csv").body().lines()
        .toList();
    assertThat(csv.get(0)).isEqualTo("kind,topic,mentions,previous,change");
    assertThat(csv).anyMatch(line -> line.startsWith("aspect,app,1,0,"));
  }

  @Test
  void theWeekAtAGlanceHoldsVolumeSentimentShareOfVoiceAndTheNegativeAspects() {
    // GIVEN the configured competitor rivalco WHEN an analyst asks for acme's week
    JsonObject week = analyst.get("/api/v1/analytics/summary?brand=acme").json();
    // THEN this week against the last (empty) one, the recount of the stored mentions
    assertThat(week.getJsonObject("mentions").getLong("now")).isEqualTo(3);
    assertThat(week.getJsonObject("mentions").getLong("previous")).isZero();
    assertThat(week.getJsonObject("mentions").getValue("change")).isNull();
    assertThat(week.getJsonObject("negative").getLong("now")).isEqualTo(recount("acme", "negative"));
    List<JsonObject> voice = week.getJsonArray("shareOfVoice").stream().map(v -> (JsonObject) v).toList();
    assertThat(voice).extracting(v -> v.getString("brand")).containsExactly("acme", "rivalco");
    assertThat(voice.get(0).getDouble("share")).isEqualTo(0.6);
    assertThat(week.getJsonArray("negativeAspects").encode()).contains("app");
    assertThat(week.getJsonArray("spikes")).isEmpty();
    // AND as CSV, a row per figure; a competitor that is no name is refused
    List<String> csv = analyst.get("/api/v1/analytics/summary?brand=acme&competitors=rivalco", "Accept", "text/csv")
        .body().lines().toList();
    assertThat(csv.get(0)).isEqualTo("figure,this_week,last_week");
    assertThat(csv).contains("mentions,3,0", "share_of_voice:rivalco,0.4,0.0");
    assertThat(analyst.get("/api/v1/analytics/summary?brand=acme&competitors=Rival%20Co!").status()).isEqualTo(400);
    assertThat(analyst.get("/api/v1/analytics/summary").status()).isEqualTo(400);
  }

  @Test
  void eachAnswersCsvForTheSpreadsheet() {
    ApiClient.Answer csv = analyst.get("/api/v1/analytics/share-of-voice?brands=acme,rivalco", "Accept", "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("brand,mentions,share,positive,neutral,negative,net,reach");
    assertThat(lines).hasSize(3);
    String[] acme = lines.get(1).split(",");
    assertThat(acme[0]).isEqualTo("acme");
    assertThat(Long.parseLong(acme[1])).isEqualTo(3);
    assertThat(Double.parseDouble(acme[2])).isEqualTo(0.6);
    List<String> days = analyst.get("/api/v1/analytics/sentiment?brand=acme&from=2026-11-01&to=2026-11-30",
        "Accept", "text/csv").body().lines().toList();
    assertThat(days.get(0)).startsWith("start,end,positive,neutral,negative,total,net,mean_score");
    assertThat(days).hasSize(31);
    assertThat(days.get(1).split(",")[0]).isEqualTo("2026-11-01T00:00:00+01:00");
    assertThat(days.get(30).split(",")[1]).isEqualTo("2026-12-01T00:00:00+01:00");
  }

  @Test
  void badQuestionsAreRefusedAndAgentsSeeNoFigures() {
    assertThat(analyst.get("/api/v1/analytics/sentiment").status()).isEqualTo(400);
    assertThat(analyst.get("/api/v1/analytics/sentiment?brand=acme&interval=week").status()).isEqualTo(400);
    assertThat(analyst.get("/api/v1/analytics/sentiment?brand=acme&from=2026-12-01&to=2026-11-01").status())
        .isEqualTo(400);
    assertThat(analyst.get("/api/v1/analytics/sentiment?brand=acme&from=yesterday").status()).isEqualTo(400);
    assertThat(analyst.get("/api/v1/analytics/sentiment?brand=acme&interval=hour&from=2026-01-01").status())
        .isEqualTo(400);
    assertThat(analyst.get("/api/v1/analytics/share-of-voice").status()).isEqualTo(400);
    ApiClient agent = webcare.api.withKey(webcare.api.newKey("desk", "agent"));
    assertThat(agent.get("/api/v1/analytics/sentiment?brand=acme").status()).isEqualTo(403);
  }
}
