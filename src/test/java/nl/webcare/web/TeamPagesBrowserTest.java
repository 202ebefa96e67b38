package nl.webcare.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
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
import nl.webcare.support.Await;
import nl.webcare.support.Browser;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lead's, the analyst's and the admin's pages in a real browser: a lead reassigns a case; an analyst sees the
 * sentiment chart with data and no author name anywhere; an admin makes a key (shown once) and sees the connectors.
 */
class TeamPagesBrowserTest {
  private static final String SECRET = "pages-secret-0123456789abcdef";
  private static RunningApp webcare;
  private static String base;

  @BeforeAll
  static void start() {
    Browser.assumeAvailable();
    Path connectors = TestRedis.tempDir();
    write(connectors, "acme-form", "brand: acme\nchannel: form\n");
    write(connectors, "rival-reviews", "brand: rivalco\nchannel: reviews\ncompetitor: true\n");
    webcare = new RunningApp(connectors, Map.of("PAGES_SECRET", SECRET), RunningApp.LIGHT);
    base = "http://127.0.0.1:" + webcare.app.httpPort();
    push("acme-form", "p1", "Terrible service, my delivery never came and nobody answers", "Karin Jansen");
    push("acme-form", "p2", "Great help from the team today, thank you so much!", "Piet Pieters");
    push("rival-reviews", "r1", "RivalCo is wonderful, love their service", "Rita Rival");
    Await.until("stored", Duration.ofSeconds(30), () -> webcare.api.get("/api/v1/mentions?limit=10").json()
        .getJsonArray("items").size() == 3);
  }

  @AfterAll
  static void stop() {
    if (webcare != null) {
      webcare.close();
    }
  }

  private static void write(Path dir, String name, String yaml) {
    try {
      Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\ntype: push\nlanguage: en\n"
          + "secretEnv: PAGES_SECRET\n" + yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void push(String source, String id, String text, String author) {
    byte[] body = new JsonObject().put("externalId", id).put("text", text)
        .put("author", new JsonObject().put("name", author).put("handle", id + "-handle"))
        .encode().getBytes(StandardCharsets.UTF_8);
    assertThat(webcare.api.post("/api/v1/ingest/" + source, body, RequestSignature.HEADER,
        RequestSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), body)).status()).isEqualTo(202);
  }

  private static WebDriverWait waiting(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  private static void signIn(WebDriver driver, String key, String page) {
    driver.get(base + "/");
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key"))).sendKeys(key);
    driver.findElement(By.xpath("//button[text()='Sign in']")).click();
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    driver.get(base + "/#/" + page);
  }

  private static void axe(WebDriver driver, String page) {
    List<String> bad = new AxeBuilder().analyze(driver).getViolations().stream()
        .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).map(Rule::getId).toList();
    assertThat(bad).as("serious or critical accessibility violations on the " + page + " page").isEmpty();
  }

  @Test
  void aLeadReassignsACase() {
    String lead = webcare.api.newKey("lea", "lead", "care");
    webcare.api.newKey("dirk", "agent", "care");
    String agent = webcare.api.newKey("cora", "agent", "care");
    String caseId = webcare.api.get("/api/v1/worklist?limit=10").json().getJsonArray("items").getJsonObject(0)
        .getString("id");
    assertThat(webcare.api.withKey(agent).post("/api/v1/cases/" + caseId + "/claim", "{}").status()).isEqualTo(200);
    try (Browser browser = new Browser("en")) {
      signIn(browser.driver, lead, "lead");
      WebElement input = waiting(browser.driver).until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("select[aria-label='Reassign to " + caseId + "']")));
      assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("SLA", "Who holds what", "cora");
      axe(browser.driver, "lead");
      browser.screenshots("lead");
      new org.openqa.selenium.support.ui.Select(input).selectByVisibleText("dirk"); // the team's agents, listed
      input.findElement(By.xpath("following-sibling::button")).click();
      waiting(browser.driver).until(d -> "dirk".equals(webcare.api.get("/api/v1/cases/" + caseId).json()
          .getString("assignee")));
    }
  }

  @Test
  void anAnalystSeesTheSentimentChartWithDataAndNoAuthor() {
    String analyst = webcare.api.newKey("mara", "analyst");
    try (Browser browser = new Browser("en")) {
      signIn(browser.driver, analyst, "marketing");
      waiting(browser.driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sentiment-chart canvas")));
      assertThat(browser.driver.findElement(By.id("sentiment-total")).getText()).startsWith("2 mentions");
      assertThat(browser.driver.findElement(By.id("voice-table")).getText()).contains("acme", "rivalco", "67%", "33%");
      assertThat(browser.driver.findElement(By.id("aspects-table")).getText()).contains("delivery");
      String page = browser.driver.getPageSource();
      assertThat(page).doesNotContain("Karin", "Jansen", "Piet", "Rita", "p1-handle");
      assertThat(browser.driver.findElements(By.linkText("Inbox"))).isEmpty(); // an analyst has no inbox
      axe(browser.driver, "marketing");
      browser.screenshots("marketing");
    }
  }

  @Test
  void anAdminMakesAKeyShownOnceAndSeesTheConnectors() {
    try (Browser browser = new Browser("en")) {
      signIn(browser.driver, nl.webcare.support.TestConfig.ADMIN_KEY, "admin");
      waiting(browser.driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("connectors-table")));
      assertThat(browser.driver.findElement(By.id("connectors-table")).getText()).contains("acme-form", "rival-reviews");
      browser.driver.findElement(By.id("key-owner")).sendKeys("nina");
      browser.driver.findElement(By.id("make-key")).click();
      WebElement shown = waiting(browser.driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key")));
      String key = shown.getText().substring(shown.getText().lastIndexOf(' ') + 1);
      assertThat(webcare.api.withKey(key).get("/api/v1/worklist").status()).isEqualTo(200);
      waiting(browser.driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("keys-table"), "nina"));
      // AND subscribes a chat channel to spikes: the secret is shown once, the subscription listed
      browser.driver.findElement(By.id("subscription-name")).sendKeys("care lead chat");
      browser.driver.findElement(By.id("subscription-url")).sendKeys("http://127.0.0.1:9/chat"); // an address the test allows
      browser.driver.findElement(By.id("subscription-types")).sendKeys("spike.*");
      browser.driver.findElement(By.id("make-subscription")).click();
      waiting(browser.driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("new-key"), "whsec_"));
      waiting(browser.driver).until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscriptions-table"),
          "care lead chat"));
      axe(browser.driver, "admin");
      browser.screenshots("admin");
    }
  }
}
