package nl.webcare.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.webcare.config.WebcareConfig;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorDefinitionLoader;
import nl.webcare.connector.ConnectorTypes;
import nl.webcare.connector.PollResult;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A connector as its YAML file would make it, pointed at a WireMock server that plays the remote API,
 * with short limits so that faults show quickly. No Redis: for connectors that keep no state there.
 * Register it as a JUnit extension ({@code @RegisterExtension static ConnectorHarness harness = ...}): it
 * forgets the stubs before each test and stops after the last.
 */
public final class ConnectorHarness implements AutoCloseable, BeforeEachCallback, AfterAllCallback {
  public static final int TIMEOUT_MS = 1000;
  public static final int MAX_BYTES = 64 * 1024;

  public final Vertx vertx = Vertx.vertx();
  public final WireMockServer remote = new WireMockServer(options().dynamicPort());
  private final ConnectorContext context;

  public ConnectorHarness(Map<String, String> environment) {
    remote.start();
    WebcareConfig.Connectors limits = new WebcareConfig.Connectors("connectors", TIMEOUT_MS, MAX_BYTES,
        Duration.ofSeconds(1), Duration.ofSeconds(10));
    context = new ConnectorContext(vertx, vertx.createHttpClient(), vertx.createSharedWorkerExecutor("test-parsers", 2),
        limits, null, environment, nl.webcare.support.TestConfig.localGuard());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + remote.port();
  }

  /** The definition a connector file with these keys gives (name, type and brand added). */
  public ConnectorDefinition definition(String name, String type, Map<String, Object> keys) {
    Map<String, Object> yaml = new HashMap<>(keys);
    yaml.put("name", name);
    yaml.put("type", type);
    yaml.putIfAbsent("brand", "acme");
    return new ConnectorDefinitionLoader(ConnectorTypes.discover()).fromMap(yaml);
  }

  public Connector connector(String name, String type, Map<String, Object> keys) {
    ConnectorDefinition definition = definition(name, type, keys);
    return ConnectorTypes.discover().get(type).create(definition, context);
  }

  public static PollResult poll(Connector connector, Map<String, String> cursor) {
    return Await.result(connector.poll(cursor), Duration.ofSeconds(10));
  }

  public static Throwable failure(Connector connector, Map<String, String> cursor) {
    return Await.failure(connector.poll(cursor));
  }

  /** A 200 answer with a fixture from {@code src/test/resources/} and its content type. */
  public static ResponseDefinitionBuilder fixture(String path, String contentType) {
    return aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(resource(path));
  }

  public static String resource(String path) {
    try (InputStream in = ConnectorHarness.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    remote.resetAll();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    remote.stop();
    Await.result(vertx.close());
  }
}
