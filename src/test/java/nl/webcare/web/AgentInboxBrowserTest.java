package nl.webcare.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Browser;
import nl.webcare.support.PushedComplaints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent's inbox in a real browser (Debian's Chromium): signing in, a pushed complaint appearing without a reload,
 * two agents on one case, a reply from a template, resolving; a wrong key; keyboard; accessibility.
 */
class AgentInboxBrowserTest {
  private static PushedComplaints webcare;
  private static String annKey;
  private static String bobKey;
  private static String base;

  @BeforeAll
  static void start() {
    Browser.assumeAvailable();
    webcare = new PushedComplaints();
    annKey = webcare.api.newKey("ann", "agent", "care");
    bobKey = webcare.api.newKey("bob", "agent", "care");
    base = "http://127.0.0.1:" + webcare.running.app.httpPort();
    assertThat(webcare.api.put("/api/v1/templates/sorry", new JsonObject().put("language", "en")
        .put("text", "Sorry {author.name}, we are on it ({case.ref}).").encode()).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    if (webcare != null) {
      webcare.close();
    }
  }

  private static WebDriverWait waiting(WebDriver driver, int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  private static void signIn(WebDriver driver, String key) {
    driver.get(base + "/");
    WebElement field = waiting(driver, 10).until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//label[text()='API key']/following::input[1]")));
    field.sendKeys(key);
    driver.findElement(By.xpath("//button[text()='Sign in']")).click();
  }

  @Test
  void anAgentSeesAComplaintArriveClaimsItRepliesFromATemplateAndResolves() {
    try (Browser ann = new Browser("en"); Browser bob = new Browser("en")) {
      // GIVEN a wrong key: a clear message, and no session
      signIn(ann.driver, "not-a-real-key-0123456789");
      WebElement error = waiting(ann.driver, 10).until(ExpectedConditions.visibilityOfElementLocated(
          By.id("sign-in-error")));
      assertThat(error.getText()).contains("not valid");
      axe(ann.driver, "sign-in");
      ann.screenshots("sign-in");
      // WHEN ann signs in THEN her inbox shows, empty
      signIn(ann.driver, annKey);
      waiting(ann.driver, 10).until(ExpectedConditions.textToBe(By.id("inbox-title"), "Inbox"));
      assertThat(ann.driver.getPageSource()).doesNotContain(annKey);
      // WHEN a complaint is pushed THEN it appears in her queue without a reload
      Object marker = ((org.openqa.selenium.JavascriptExecutor) ann.driver).executeScript("return window.performance.timeOrigin");
      String caseId = webcare.complaint("web-1", "karin", "Terrible service, my parcel never arrived");
      WebElement row = waiting(ann.driver, 5).until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("tr[data-case='" + caseId + "']")));
      assertThat(row.getText()).contains("karin", "parcel never arrived", "complaint");
      assertThat(((org.openqa.selenium.JavascriptExecutor) ann.driver)
          .executeScript("return window.performance.timeOrigin")).isEqualTo(marker); // the same page, not reloaded
      axe(ann.driver, "inbox");
      ann.screenshots("inbox");
      // AND bob, signed in elsewhere, opens the same case
      signIn(bob.driver, bobKey);
      waiting(bob.driver, 10).until(ExpectedConditions.textToBe(By.id("inbox-title"), "Inbox"));
      bob.driver.get(base + "/#/case/" + caseId);
      waiting(bob.driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("claim")));
      // WHEN ann opens it by keyboard (j moves to it, Enter opens) and claims it
      ann.driver.findElement(By.tagName("body")).sendKeys("j");
      ann.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      waiting(ann.driver, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("claim"))).click();
      waiting(ann.driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("holder"),
          "You hold this case"));
      // THEN bob's page says ann is working on it within 2 s
      waiting(bob.driver, 2).until(ExpectedConditions.textToBePresentInElementLocated(By.id("holder"),
          "ann is working on this case"));
      axe(ann.driver, "case");
      ann.screenshots("case");
      // WHEN ann picks the template: it is filled in, counted, and sent with the link of the form's answer
      new Select(ann.driver.findElement(By.id("reply-template"))).selectByVisibleText("sorry");
      WebElement text = ann.driver.findElement(By.id("reply-text"));
      assertThat(text.getDomProperty("value")).isEqualTo("Sorry karin, we are on it (" + caseId + ").");
      ann.driver.findElement(By.id("reply-link")).sendKeys("https://forms.example/answers/1");
      ann.driver.findElement(By.id("send-reply")).click();
      waiting(ann.driver, 10).until(d -> "waiting".equals(state(caseId)));
      waiting(ann.driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.className("conversation"),
          "we are on it"));
      // AND resolves it with x
      ann.driver.findElement(By.tagName("body")).sendKeys("x");
      waiting(ann.driver, 10).until(d -> "resolved".equals(state(caseId)));
      // AND ? shows the keyboard help
      ann.driver.findElement(By.tagName("body")).sendKeys("?");
      assertThat(waiting(ann.driver, 5).until(ExpectedConditions.visibilityOfElementLocated(By.id("help"))).getText())
          .contains("claim", "resolve");
    }
  }

  @Test
  void aCaseShowsTheCustomersEarlierCaseAndHandsOffWithTheConfirmationPreviewed() {
    // GIVEN joost's first complaint, dismissed, and a second one (a new case)
    String first = webcare.complaint("web-h1", "joost", "Awful, the meter reading is wrong");
    assertThat(webcare.api.post("/api/v1/cases/" + first + "/dismiss", "{\"reason\":\"no_reply_needed\"}").status())
        .isEqualTo(200);
    String second = webcare.complaint("web-h2", "joost", "Terrible, the meter reading is still wrong");
    try (Browser ann = new Browser("en")) {
      signIn(ann.driver, annKey);
      waiting(ann.driver, 10).until(ExpectedConditions.textToBe(By.id("inbox-title"), "Inbox"));
      ann.driver.get(base + "/#/case/" + second);
      // THEN the case shows the earlier one
      WebElement earlier = waiting(ann.driver, 10).until(ExpectedConditions.visibilityOfElementLocated(
          By.id("earlier-cases")));
      assertThat(earlier.getText()).contains(first);
      // WHEN ann previews a call-back agreement THEN she reads the confirmation before anything is recorded
      new Select(ann.driver.findElement(By.id("handoff-channel"))).selectByValue("phone");
      ann.driver.findElement(By.id("handoff-agreement")).sendKeys("We call you back about the meter reading");
      ann.driver.findElement(By.id("handoff-preview-button")).click();
      WebElement preview = waiting(ann.driver, 10).until(ExpectedConditions.visibilityOfElementLocated(
          By.id("handoff-preview")));
      assertThat(preview.getText()).contains("We call you back about the meter reading", second);
      assertThat(webcare.api.get("/api/v1/cases/" + second).json().getJsonArray("handoffs")).isEmpty();
      // AND hands off: recorded on the case
      ann.driver.findElement(By.id("handoff-send")).click();
      waiting(ann.driver, 10).until(d -> webcare.api.get("/api/v1/cases/" + second).json()
          .getJsonArray("handoffs").size() == 1);
    }
  }

  @Test
  void theInboxSpeaksDutchToADutchBrowser() {
    try (Browser dutch = new Browser("nl")) {
      dutch.driver.get(base + "/");
      WebElement title = waiting(dutch.driver, 10).until(ExpectedConditions.visibilityOfElementLocated(
          By.id("sign-in-title")));
      assertThat(title.getText()).isEqualTo("Aanmelden bij Webcare");
      assertThat(dutch.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("nl");
    }
  }

  private static String state(String caseId) {
    ApiClient.Answer answer = webcare.api.get("/api/v1/cases/" + caseId);
    return answer.json().getString("state");
  }

  /** No serious or critical accessibility violation on the page as it is. */
  private static void axe(WebDriver driver, String page) {
    Results results = new AxeBuilder().analyze(driver);
    List<String> bad = results.getViolations().stream()
        .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
        .map(Rule::getId).toList();
    assertThat(bad).as("serious or critical accessibility violations on the " + page + " page").isEmpty();
  }
}
