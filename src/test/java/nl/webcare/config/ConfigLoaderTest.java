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
}
