package nl.webcare.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionDetails;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;
import nl.webcare.store.RedisGateway;
import nl.webcare.support.Await;
import nl.webcare.support.Browser;
import nl.webcare.support.PushedComplaints;
import nl.webcare.support.TestConfig;
import nl.webcare.support.TestRedis;
import nl.webcare.triage.Triage;
import nl.webcare.worklist.RedisWorklist;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page-speed benchmark (not a test: it asserts no time, and runs only when asked for):
 * {@code mvn -B test -Dtest=PageSpeedBenchmark -Dwebcare.benchmark=true}. With 10,000 open cases it measures, in the
 * browser (the page's performance marks), the time from navigation to the first rows shown, over 20 loads, and from
 * a push to its row shown in an open inbox, over 20 pushes; it prints p50 and p95 of each.
 */
class PageSpeedBenchmark {
  private static final int CASES = 10_000;
  private static final int ROUNDS = 20;

  @Test
  void measure() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("webcare.benchmark"), "the page-speed benchmark runs with "
        + "-Dwebcare.benchmark=true");
    Browser.assumeAvailable();
    try (PushedComplaints webcare = new PushedComplaints(); Browser browser = new Browser("en")) {
      fill(webcare);
      String key = webcare.api.newKey("bench-agent", "agent");
      String base = "http://127.0.0.1:" + webcare.running.app.httpPort();
      browser.driver.get(base + "/");
      new WebDriverWait(browser.driver, Duration.ofSeconds(10))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key"))).sendKeys(key);
      browser.driver.findElement(By.xpath("//button[text()='Sign in']")).click();
      JavascriptExecutor js = browser.driver;
      List<Double> firstRows = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        browser.driver.navigate().refresh();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> ((Number) js.executeScript(
            "return performance.getEntriesByName('webcare:rows').length")).intValue() > 0);
        firstRows.add(((Number) js.executeScript("return performance.getEntriesByName('webcare:rows')[0].startTime"))
            .doubleValue());
      }
      List<Double> pushToRow = new ArrayList<>();
      for (int i = 0; i < ROUNDS; i++) {
        long pushed = System.currentTimeMillis();
        String mentionId = webcare.push("speed-" + i, "speed-" + i, "Terrible service, order " + i + " never arrived",
            null);
        String caseId = caseOf(webcare, mentionId);
        String mark = "webcare:row:" + caseId;
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> ((Number) js.executeScript(
            "return performance.getEntriesByName(arguments[0]).length", mark)).intValue() > 0);
        double shown = ((Number) js.executeScript("return performance.timeOrigin + "
            + "performance.getEntriesByName(arguments[0])[0].startTime", mark)).doubleValue();
        pushToRow.add(shown - pushed);
      }
      JsonObject result = new JsonObject().put("openCases", CASES)
          .put("navigationToFirstRowsMs", quantiles(firstRows)).put("pushToRowShownMs", quantiles(pushToRow));
      System.out.println("PAGE SPEED " + result.encodePrettily());
      assertThat(firstRows).hasSize(ROUNDS);
    }
  }

  /** 10,000 open complaints, ranked below anything new, so that a pushed complaint tops the queue. */
  private static void fill(PushedComplaints webcare) {
    RedisGateway redis = RedisGateway.connect(webcare.running.vertx, TestRedis.url(), webcare.running.prefix, 16, 5000);
    try {
      RedisWorklist worklist = new RedisWorklist(redis, 1_000_000, Duration.ofHours(24), TestConfig.sla(),
          TestConfig.worklist().teams());
      for (int start = 0; start < CASES; start += 256) {
        List<Future<?>> batch = new ArrayList<>();
        for (int i = start; i < Math.min(CASES, start + 256); i++) {
          ScoredMention s = filler(i);
          Triage.Decision d = Triage.standard().decide(s);
          batch.add(worklist.file(s, new Triage.Decision(d.triageClass(), true, d.urgency(), Long.MIN_VALUE / 2 + i,
              d.reasons()), "care"));
        }
        Await.result(Future.all(batch));
      }
    } finally {
      redis.close();
    }
  }

  private static ScoredMention filler(int i) {
    String author = "filler-" + i;
    Mention m = new Mention(Mention.idFor("filler", "c" + i), "filler", "x", "acme", "c" + i, author, null,
        "The service is terrible, case " + i, null, Instant.now().minusSeconds(i % 86_400), "en", null, null,
        new MentionDetails(author, 10L, null, null, null, 0, null));
    SentimentResult sentiment = new SentimentResult(SentimentLabel.NEGATIVE, -0.6, Probabilities.fromScore(-0.6), "en",
        List.of(), List.of(), false);
    return new ScoredMention(m, sentiment, Instant.now());
  }

  private static String caseOf(PushedComplaints webcare, String mentionId) {
    String[] found = new String[1];
    Await.until("the push has a case", Duration.ofSeconds(30), () -> {
      for (Object o : webcare.api.get("/api/v1/worklist?limit=20").json().getJsonArray("items")) {
        if (mentionId.equals(((JsonObject) o).getString("mentionId"))) {
          found[0] = ((JsonObject) o).getString("id");
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  private static JsonObject quantiles(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return new JsonObject().put("n", sorted.size())
        .put("p50", Math.round(sorted.get((int) Math.ceil(0.5 * sorted.size()) - 1)))
        .put("p95", Math.round(sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1)));
  }
}
