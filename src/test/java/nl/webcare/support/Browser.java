package nl.webcare.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by its own ChromeDriver, headless, with the flags this machine needs (no sandbox as root,
 * no background networking: the machine's network is closed). Nothing is downloaded. Without Chromium the browser
 * tests are skipped with a line that says so, unless {@code WEBCARE_BROWSER_TESTS=required} (CI), where they fail.
 */
public final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  public final ChromeDriver driver;
  private final Path profile;

  /** Skips the calling test when Chromium is missing and browser tests are not required. */
  public static void assumeAvailable() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present && "required".equals(System.getenv("WEBCARE_BROWSER_TESTS"))) {
      throw new IllegalStateException("browser tests are required but /usr/bin/chromium or /usr/bin/chromedriver "
          + "is missing (apt-get install -y chromium chromium-driver)");
    }
    Assumptions.assumeTrue(present, "browser tests skipped: /usr/bin/chromium and /usr/bin/chromedriver are not "
        + "installed (apt-get install -y chromium chromium-driver)");
  }

  public Browser(String language) {
    try {
      profile = Files.createTempDirectory("webcare-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=" + language));
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  /** The page as it is, wide (1280 px) and narrow (390 px), under target/screenshots/. */
  public void screenshots(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Dimension wide = new Dimension(1280, 900);
      driver.manage().window().setSize(wide);
      Files.write(SCREENSHOTS.resolve(name + "-wide.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(new Dimension(390, 844));
      Files.write(SCREENSHOTS.resolve(name + "-narrow.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(wide);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
