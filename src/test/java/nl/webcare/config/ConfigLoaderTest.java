package nl.webcare.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.webcare.support.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private Vertx vertx;
  private ConfigLoader loader;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    loader = new ConfigLoader(vertx);
  }

  @AfterEach
  void tearDown() {
    Await.result(vertx.close());
  }

  @Test
  void defaultsFromTheJarStartAnEmbeddedRedisOnPort8080() {
    WebcareConfig config = Await.result(loader.load(null, Map.of()));
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.redis().embedded()).isTrue();
    assertThat(config.redis().keyPrefix()).isEqualTo("webcare:");
    assertThat(config.scoring().maxAttempts()).isEqualTo(5);
    assertThat(config.demo().enabled()).isFalse();
  }

  @Test
  void aFileOverridesDefaultsAndTheEnvironmentOverridesTheFile() throws IOException {
    Path file = Files.createTempFile("webcare", ".yaml");
    Files.writeString(file, "http:\n  port: 9000\nscoring:\n  workers: 4\n");
    WebcareConfig config = Await.result(loader.load(file.toString(),
        Map.of("WEBCARE_HTTP_PORT", "9100", "REDIS_URL", "redis://redis.internal:6380/2", "WEBCARE_DEMO", "true")));
    assertThat(config.http().port()).isEqualTo(9100);
    assertThat(config.scoring().workers()).isEqualTo(4);
    assertThat(config.redis().url()).isEqualTo("redis://redis.internal:6380/2");
    assertThat(config.demo().enabled()).isTrue();
  }

  @Test
  void durabilityAndTheServersGuardsAreStatedChoices() {
    WebcareConfig defaults = Await.result(loader.load(null, Map.of()));
    assertThat(defaults.redis().embeddedAppendfsync()).isEqualTo("everysec");
    assertThat(defaults.http().guards().headerTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(defaults.http().guards().corsOrigins()).isEmpty();
    assertThat(defaults.auth().maxFailuresPerMinute()).isEqualTo(20);
    assertThat(defaults.outbound().allowHosts()).isEmpty();
    WebcareConfig chosen = Await.result(loader.load(null, Map.of("WEBCARE_REDIS_APPENDFSYNC", "always",
        "WEBCARE_CORS_ORIGINS", "https://dash.example,https://wall.example", "WEBCARE_OUTBOUND_ALLOW_HOSTS",
        "feeds.intranet.example, 10.1.0.0/16")));
    assertThat(chosen.redis().embeddedAppendfsync()).isEqualTo("always");
    assertThat(chosen.http().guards().corsOrigins()).containsExactly("https://dash.example", "https://wall.example");
    assertThat(chosen.outbound().allowHosts()).containsExactly("feeds.intranet.example", "10.1.0.0/16");
    assertThat(Await.failure(loader.load(null, Map.of("WEBCARE_REDIS_APPENDFSYNC", "sometimes"))))
        .hasMessageContaining("redis.embedded.appendfsync");
    assertThat(Await.failure(loader.load(null, Map.of("WEBCARE_CORS_ORIGINS", "*"))))
        .hasMessageContaining("http.corsOrigins");
  }

  @Test
  void theConfigFileCanComeFromTheEnvironment() throws IOException {
    Path file = Files.createTempFile("webcare", ".yaml");
    Files.writeString(file, "redis:\n  keyPrefix: \"brand-a:\"\n");
    WebcareConfig config = Await.result(loader.load(null, Map.of("WEBCARE_CONFIG", file.toString())));
    assertThat(config.redis().keyPrefix()).isEqualTo("brand-a:");
  }

  @Test
  void aBadValueStopsTheStartNamingTheKey() {
    assertThat(Await.failure(loader.load(null, Map.of("WEBCARE_HTTP_PORT", "eighty"))))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config key http.port: expected an integer between 0 and 65535, got \"eighty\"");
    assertThat(Await.failure(loader.load(null, Map.of("WEBCARE_HTTP_PORT", "70000"))))
        .hasMessageContaining("http.port");
    assertThat(Await.failure(loader.load(null, Map.of("REDIS_URL", "localhost:6379"))))
        .hasMessageContaining("redis.url").hasMessageContaining("redis://host:port");
    assertThat(Await.failure(loader.load(null, Map.of("WEBCARE_DEMO", "maybe"))))
        .hasMessageContaining("demo.enabled").hasMessageContaining("true or false");
  }

  @Test
  void aMissingOrBrokenConfigFileIsNamed() throws IOException {
    assertThat(Await.failure(loader.load("/no/such/webcare.yaml", Map.of())))
        .isInstanceOf(ConfigException.class).hasMessage("config file /no/such/webcare.yaml: not found");
    Path broken = Files.createTempFile("webcare", ".yaml");
    Files.writeString(broken, "http: [unclosed\n");
    assertThat(Await.failure(loader.load(broken.toString(), Map.of())))
        .isInstanceOf(ConfigException.class).hasMessageContaining(broken.toString());
  }

  @Test
  void theWorklistSlaAndAuthPartsAreCheckedNamingTheKey() throws IOException {
    WebcareConfig defaults = Await.result(loader.load(null, Map.of()));
    assertThat(defaults.worklist().teams()).containsExactly("care", "legal", "tech", "billing");
    assertThat(defaults.worklist().routing()).hasSize(1);
    assertThat(defaults.worklist().timezone()).hasToString("Europe/Amsterdam");
    assertThat(defaults.auth().adminKey()).isNull();
    assertThat(Await.failure(loader.load(null, Map.of("WEBCARE_ADMIN_KEY", "short"))))
        .hasMessageContaining("auth.adminKey").hasMessageNotContaining("short");
    assertFileFails("worklist:\n  routing:\n    - { team: moon }\n", "worklist.routing[0].team");
    assertFileFails("worklist:\n  routing:\n    - { team: care, colour: red }\n", "worklist.routing[0].colour");
    assertFileFails("worklist:\n  timezone: Mars/Olympus\n", "worklist.timezone");
    assertFileFails("sla:\n  teams:\n    care: { hours: \"weekdays 9-5\" }\n", "sla.teams.care.hours");
    assertFileFails("sla:\n  teams:\n    care: { afterHours: \"oncall:moon\" }\n", "sla.teams.care.afterHours");
    assertFileFails("sla:\n  firstResponseMinutes: { crisis: 0 }\n", "sla.firstResponseMinutes.crisis");
  }

  private void assertFileFails(String yaml, String key) throws IOException {
    Path file = Files.createTempFile("webcare", ".yaml");
    Files.writeString(file, yaml);
    assertThat(Await.failure(loader.load(file.toString(), Map.of()))).isInstanceOf(ConfigException.class)
        .hasMessageContaining(key);
  }
}
