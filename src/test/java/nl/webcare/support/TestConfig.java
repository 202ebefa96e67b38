package nl.webcare.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.webcare.config.WebcareConfig;
import nl.webcare.sla.SlaBand;
import nl.webcare.sla.SlaPolicy;
import nl.webcare.worklist.RoutingRule;

/** Configurations for tests: fast timers, a free HTTP port, the test Redis with a fresh prefix. */
public final class TestConfig {
  private TestConfig() {}

  public static WebcareConfig create(String redisUrl, String prefix, String connectorsDir) {
    return new WebcareConfig(
        new WebcareConfig.Http("127.0.0.1", 0, 64 * 1024),
        new WebcareConfig.Redis(redisUrl, prefix, TestRedis.tempDir().toString(), 16, 2000),
        new WebcareConfig.Connectors(connectorsDir, 1500, 64 * 1024, Duration.ofMillis(500), Duration.ofSeconds(30)),
        scoring(Duration.ofMillis(300), 5),
        new WebcareConfig.Retention(Duration.ofDays(1), Duration.ofDays(30)),
        new WebcareConfig.Demo(false, 0, Duration.ofSeconds(1)),
        worklist(),
        sla(),
        new WebcareConfig.Auth(ADMIN_KEY),
        new WebcareConfig.Background(Duration.ofMinutes(1), Duration.ofSeconds(15), 100_000, 2),
        new WebcareConfig.Outbound(LOCAL_FAKES),
        // fast retries and look-ups, so that a test sees a webhook's whole life in seconds
        new WebcareConfig.Delivery("http://webcare.test", Duration.ofMillis(500), 3, 64 * 1024,
            Duration.ofSeconds(2), 64 * 1024, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(30),
            Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofSeconds(3)),
        // checked often so that a test sees a burst within a second; defaults otherwise
        new WebcareConfig.Spikes(true, Duration.ofMillis(300), 4.0, 10, 2.0, Duration.ofHours(1), true, "care", true),
        WebcareConfig.Service.DEFAULTS, WebcareConfig.Learning.DEFAULTS);
  }

  /** As {@link #create}, in demo mode and without an admin key (as {@code java -jar webcare.jar --demo} runs). */
  public static WebcareConfig demo(String redisUrl, String prefix, String connectorsDir) {
    WebcareConfig c = create(redisUrl, prefix, connectorsDir);
    return new WebcareConfig(c.http(), c.redis(), c.connectors(), c.scoring(), c.retention(),
        new WebcareConfig.Demo(true, 0, Duration.ofSeconds(60)), c.worklist(), c.sla(), new WebcareConfig.Auth(null),
        c.background(), c.outbound(), c.delivery(), c.spikes(), c.service(), c.learning());
  }

  /** {@code c} with another HTTP listener (server limits, CORS, TLS). */
  public static WebcareConfig withHttp(WebcareConfig c, WebcareConfig.Http http) {
    return new WebcareConfig(http, c.redis(), c.connectors(), c.scoring(), c.retention(), c.demo(), c.worklist(),
        c.sla(), c.auth(), c.background(), c.outbound(), c.delivery(), c.spikes(), c.service(), c.learning());
  }

  /** The fakes (WireMock) run on this machine: tests allow loopback, which Webcare refuses by default. */
  public static final java.util.List<String> LOCAL_FAKES = java.util.List.of("127.0.0.1", "localhost", "::1");

  /** A guard that lets requests reach the local fakes. */
  public static nl.webcare.connector.http.OutboundGuard localGuard() {
    return nl.webcare.connector.http.OutboundGuard.allowing(LOCAL_FAKES);
  }

  /** The admin key every test app starts with; {@link ApiClient} sends it unless told otherwise. */
  public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";

  /** The default targets, with every team open around the clock (tests must not depend on the hour). */
  public static SlaPolicy sla() {
    Map<SlaBand, Duration> first = Map.of(SlaBand.CRISIS, Duration.ofMinutes(15), SlaBand.HIGH, Duration.ofHours(1),
        SlaBand.NORMAL, Duration.ofHours(4), SlaBand.LOW, Duration.ofHours(24));
    Map<SlaBand, Duration> resolution = Map.of(SlaBand.CRISIS, Duration.ofHours(4), SlaBand.HIGH, Duration.ofHours(24),
        SlaBand.NORMAL, Duration.ofHours(72), SlaBand.LOW, Duration.ofDays(7));
    return new SlaPolicy(first, resolution, Map.of(), java.time.ZoneId.of("Europe/Amsterdam"));
  }

  public static WebcareConfig.Worklist worklist() {
    return new WebcareConfig.Worklist(Duration.ofHours(24), "care", List.of("care", "legal", "tech", "billing"),
        List.of(new RoutingRule("legal", null, null, null, "crisis", List.of())), java.time.ZoneId.of("Europe/Amsterdam"));
  }

  public static WebcareConfig.Scoring scoring(Duration claimIdle, int maxAttempts) {
    return new WebcareConfig.Scoring(2, 8, claimIdle, maxAttempts, 4000, Duration.ofMillis(500));
  }
}
