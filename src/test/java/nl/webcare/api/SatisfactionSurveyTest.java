package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.webcare.config.WebcareConfig;
import nl.webcare.performance.RedisSurveys;
import nl.webcare.store.RedisGateway;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.PushedComplaints;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-question survey, switched on for one channel (the contact form): a closing reply carries the link, the
 * public page asks the question and nothing else, one answer per link, a forged or expired link is refused, a
 * customer is asked once a month, and the service report gives the score beside its response rate.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SatisfactionSurveyTest {
  private static final Pattern LINK = Pattern.compile("http://webcare\\.test/s/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");
  private static PushedComplaints webcare;
  private static ApiClient agent;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    webcare = new PushedComplaints(c -> c.withService(new WebcareConfig.Service(false, Duration.ofDays(14),
        new WebcareConfig.Survey(true, List.of(), List.of("form"), Duration.ofDays(14), Duration.ofDays(30)))));
    agent = webcare.api.withKey(webcare.api.newKey("ann", "agent", "care"));
  }

  @AfterAll
  static void stop() {
    webcare.close();
  }

  /** Claims the case and sends a closing reply; the answer. */
  private static JsonObject close(String caseId) {
    assertThat(agent.post("/api/v1/cases/" + caseId + "/claim", "{}").status()).isEqualTo(200);
    ApiClient.Answer answer = agent.post("/api/v1/cases/" + caseId + "/reply", new JsonObject()
        .put("text", "We have sent a new one, sorry for the wait").put("link", "https://forms.example/a/1")
        .put("resolve", true).encode());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static String token(JsonObject closed) {
    Matcher m = LINK.matcher(closed.getJsonObject("reply").getString("text"));
    assertThat(m.find()).as(closed.encode()).isTrue();
    return m.group(1);
  }

  private static HttpResponse<String> page(String token, String form) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + webcare.running.app.httpPort() + "/s/" + token);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (form != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aClosingReplyCarriesTheSurveyAndTheAnswerLandsOnTheCaseOnce() throws Exception {
    // GIVEN a complaint on the contact form, closed with a closing reply
    String caseId = webcare.complaint("csat-1", "karin", "Terrible, the parcel is broken and nobody answers");
    JsonObject closed = close(caseId);
    // THEN the reply carries the link, the case is resolved and says a survey went out
    assertThat(closed.getJsonObject("survey").getBoolean("sent")).isTrue();
    assertThat(closed.getString("state")).isEqualTo("resolved");
    assertThat(closed.getJsonObject("figures").getString("surveySentAt")).isNotBlank();
    String token = token(closed);
    // WHEN the customer opens it, without a key
    HttpResponse<String> shown = page(token, null);
    // THEN the page asks the question and shows nothing of the case or the customer
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains("How satisfied are you", "name=\"score\"")
        .doesNotContain(caseId, "karin", "parcel", "acme");
    assertThat(shown.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("form-action 'self'")
        .doesNotContain("script-src");
    // WHEN the customer answers 2 with a comment, and then tries again with a 5
    assertThat(page(token, "score=2&comment=Took+a+week").body()).contains("Thank you!");
    assertThat(page(token, "score=5").body()).contains("already have your answer");
    // THEN the case holds the first answer, and the report gives the score beside its response rate
    JsonObject kept = webcare.api.get("/api/v1/cases/" + caseId).json();
    assertThat(kept.getJsonObject("figures").getInteger("satisfaction")).isEqualTo(2);
    assertThat(kept.getString("satisfactionComment")).isEqualTo("Took a week");
    JsonObject satisfaction = webcare.api.get("/api/v1/service").json().getJsonObject("all")
        .getJsonObject("satisfaction");
    assertThat(satisfaction.getInteger("surveysSent")).isGreaterThanOrEqualTo(1);
    assertThat(satisfaction.getJsonObject("distribution").getInteger("2")).isEqualTo(1);
    assertThat(satisfaction.getDouble("responseRate")).isNotNull();
    // AND when the same customer writes again (the case reopens) and is helped again, they are not asked twice
    webcare.push("csat-2", "karin", "Awful, and now the replacement is broken too", null);
    Await.until("the case is reopened", Duration.ofSeconds(30),
        () -> !"resolved".equals(webcare.api.get("/api/v1/cases/" + caseId).json().getString("state")));
    JsonObject second = close(caseId);
    assertThat(second.getJsonObject("survey").getBoolean("sent")).isFalse();
    assertThat(second.getJsonObject("survey").getString("reason")).contains("asked within");
    assertThat(second.getJsonObject("reply").getString("text")).doesNotContain("/s/");
  }

  @Test
  void aForgedAnExpiredOrAMalformedLinkIsRefused() throws Exception {
    String caseId = webcare.complaint("csat-3", "joost", "Horrible service, the meter is still wrong");
    String token = token(close(caseId));
    // a signature changed in one character
    int at = token.indexOf('.') + 5;
    String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    assertThat(page(forged, null).statusCode()).isEqualTo(404);
    assertThat(page(forged, "score=1").statusCode()).isEqualTo(404);
    assertThat(page("not-a-token", null).statusCode()).isEqualTo(404);
    // a link issued 20 days ago for 14 days (signed with the same secret, as another process would)
    RedisGateway redis = RedisGateway.connect(webcare.running.vertx, TestRedis.url(), webcare.running.prefix, 2, 2000);
    try {
      var old = Await.result(new RedisSurveys(redis, Duration.ofDays(14), Duration.ZERO)
          .invite(caseId, null, "nl", Instant.now().minus(Duration.ofDays(20))));
      HttpResponse<String> expired = page(old.token(), null);
      assertThat(expired.statusCode()).isEqualTo(410);
      assertThat(expired.body()).contains("has expired");
      // a Dutch customer's link asks in Dutch
      var dutch = Await.result(new RedisSurveys(redis, Duration.ofDays(14), Duration.ZERO)
          .invite(caseId, null, "nl", Instant.now()));
      assertThat(page(dutch.token(), null).body()).contains("Hoe tevreden bent u", "lang=\"nl\"");
    } finally {
      redis.close();
    }
    // a score out of range uses nothing up
    assertThat(page(token, "score=9").statusCode()).isEqualTo(400);
    assertThat(page(token, "score=4").body()).contains("Thank you!");
  }

  @Test
  void aClosingReplyThatCouldNotBeSentDoesNotCountAsAsking() throws Exception {
    // GIVEN a closing reply refused (the form channel needs the link to where the agent answered)
    String caseId = webcare.complaint("csat-5", "bram", "Awful, the invoice is wrong again");
    assertThat(agent.post("/api/v1/cases/" + caseId + "/claim", "{}").status()).isEqualTo(200);
    assertThat(agent.post("/api/v1/cases/" + caseId + "/reply", new JsonObject().put("text", "Fixed, sorry")
        .put("resolve", true).encode()).status()).isEqualTo(400);
    // WHEN it is sent again, with the link THEN the customer is asked: the refused one never reached them
    ApiClient.Answer sent = agent.post("/api/v1/cases/" + caseId + "/reply", new JsonObject().put("text", "Fixed, sorry")
        .put("link", "https://forms.example/a/5").put("resolve", true).encode());
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().getJsonObject("survey").getBoolean("sent")).isTrue();
  }

  @Test
  void anErasedCustomersAnswersGoWithTheirCase() throws Exception {
    // GIVEN lotte answered a survey
    String caseId = webcare.complaint("csat-4", "lotte", "Terrible, I was charged twice for the same order");
    String token = token(close(caseId));
    assertThat(page(token, "score=1&comment=Never+again").body()).contains("Thank you!");
    int before = webcare.api.get("/api/v1/service").json().getJsonObject("all").getJsonObject("satisfaction")
        .getJsonObject("distribution").getInteger("1");
    // WHEN she asks to be forgotten
    assertThat(webcare.api.delete("/api/v1/authors/form/lotte").status()).isEqualTo(200);
    // THEN her case, with her answer and comment, is gone from the report, and her link leads nowhere
    assertThat(webcare.api.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);
    assertThat(webcare.api.get("/api/v1/service").json().getJsonObject("all").getJsonObject("satisfaction")
        .getJsonObject("distribution").getInteger("1")).isEqualTo(before - 1);
    assertThat(page(token, "score=5").statusCode()).isIn(200, 404); // answered before: "already", never a new one
  }

  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: it spends this address's minute for the others
  void oneClientAddressMayOpenSurveysOnlySoOftenAMinute() throws Exception {
    int refused = 0;
    for (int i = 0; i < 70; i++) { // 70: more than twice the limit, even when a minute turns meanwhile
      if (page("x" + i + ".y", null).statusCode() == 429) {
        refused++;
      }
    }
    assertThat(refused).isGreaterThan(0);
  }
}
