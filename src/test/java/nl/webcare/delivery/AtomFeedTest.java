package nl.webcare.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.webcare.support.ApiClient;
import nl.webcare.support.PushedComplaints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The Atom feed as a feed reader sees it, parsed back by Rome; with a key, and with a feed token in the URL. */
class AtomFeedTest {
  private static PushedComplaints webcare;
  private static String first;
  private static String second;

  @BeforeAll
  static void start() {
    webcare = new PushedComplaints();
    first = webcare.complaint("atom-1", "sara", "Terrible, the app logs me out all the time");
    second = webcare.complaint("atom-2", "tim", "Awful: my order WC is late and support is useless @acme_help");
  }

  @AfterAll
  static void stop() {
    webcare.close();
  }

  private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + webcare.running.app.httpPort() + path));
    headers.forEach(request::header);
    return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static SyndFeed parse(String xml) throws Exception {
    return new SyndFeedInput().build(new StringReader(xml));
  }

  @Test
  void aKeyReadsTheNewestAlertsAsAtomWithAnETag() throws Exception {
    String key = "Bearer " + webcare.api.newKey("reader", "agent");
    HttpResponse<String> answer = get("/api/v1/alerts.atom?type=case.opened", Map.of("Authorization", key));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
    SyndFeed feed = parse(answer.body());
    assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    // newest first, titled as a person reads it, linked to the case
    SyndEntry newest = feed.getEntries().get(0);
    assertThat(newest.getTitle()).isEqualTo("New case complaint " + second + " on form");
    assertThat(newest.getLink()).isEqualTo("http://webcare.test/cases/" + second);
    assertThat(newest.getDescription().getValue()).contains("support is useless");
    assertThat(newest.getCategories()).extracting(c -> c.getName()).contains("case.opened", "complaint");
    assertThat(newest.getAuthor()).isEqualTo("tim");
    assertThat(feed.getEntries()).extracting(SyndEntry::getLink).contains("http://webcare.test/cases/" + first);
    // unchanged: 304 without a body; a new alert: a new ETag
    String etag = answer.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> same = get("/api/v1/alerts.atom?type=case.opened",
        Map.of("Authorization", key, "If-None-Match", etag));
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    webcare.complaint("atom-3", "ursula", "Horrible experience, my refund never came");
    HttpResponse<String> changed = get("/api/v1/alerts.atom?type=case.opened",
        Map.of("Authorization", key, "If-None-Match", etag));
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    assertThat(get("/api/v1/alerts.atom", Map.of()).statusCode()).isEqualTo(401);
  }

  @Test
  void aFeedTokenReadsItsSubscriptionsFilterWithItsOwnersViewUntilRevoked() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(log);
    try {
      ApiClient analyst = webcare.api.withKey(webcare.api.newKey("brand-team", "analyst"));
      JsonObject sub = analyst.post("/api/v1/subscriptions", new JsonObject().put("name", "complaints")
          .put("filter", new JsonObject().put("triageClass", "complaint")).put("startAfter", "oldest").encode())
          .json();
      String id = sub.getString("id");
      JsonObject issued = analyst.post("/api/v1/subscriptions/" + id + "/feed-token", "{}").json();
      String token = issued.getString("feedToken");
      assertThat(issued.getString("feedUrl")).isEqualTo("/api/v1/alerts.atom?token=" + token);
      assertThat(analyst.get("/api/v1/subscriptions/" + id).body()).doesNotContain(token);
      // a reader without headers
      HttpResponse<String> answer = get(issued.getString("feedUrl"), Map.of());
      assertThat(answer.statusCode()).isEqualTo(200);
      SyndFeed feed = parse(answer.body());
      assertThat(feed.getTitle()).isEqualTo("Webcare: complaints");
      assertThat(feed.getEntries()).isNotEmpty().allSatisfy(e -> {
        assertThat(e.getAuthor()).isNullOrEmpty();
        assertThat(e.getDescription().getValue()).doesNotContain("@acme_help");
      });
      // the token reads its filter only, and stops when revoked
      assertThat(get(issued.getString("feedUrl") + "&type=sla.breached", Map.of()).statusCode()).isEqualTo(400);
      assertThat(get("/api/v1/alerts.atom?token=wcf_" + "0".repeat(64), Map.of()).statusCode()).isEqualTo(401);
      assertThat(analyst.delete("/api/v1/subscriptions/" + id + "/feed-token").status()).isEqualTo(200);
      assertThat(get(issued.getString("feedUrl"), Map.of()).statusCode()).isEqualTo(401);
      // and it was never written to a log
      assertThat(log.list).noneMatch(e -> e.getFormattedMessage().contains(token));
    } finally {
      root.detachAppender(log);
    }
  }
}
