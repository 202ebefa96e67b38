package nl.webcare.support;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import nl.webcare.WebcareApp;

/**
 * A whole Webcare for an API test: its own Vert.x, the test Redis under a fresh key prefix, the shared
 * sentiment model, the connector files of {@code connectorsDir} and the secrets of {@code environment};
 * {@link #api} sends the test admin key. {@link #close} stops it and removes its keys.
 */
public final class RunningApp implements AutoCloseable {
  public final Vertx vertx = Vertx.vertx();
  public final String prefix = TestRedis.newPrefix();
  public final WebcareApp app;
  public final ApiClient api;

  public RunningApp(Path connectorsDir, Map<String, String> environment) {
    app = Await.result(WebcareApp.start(vertx, TestConfig.create(TestRedis.url(), prefix, connectorsDir.toString()),
        SharedAnalyzer::get, environment));
    api = new ApiClient(app.httpPort());
  }

  @Override
  public void close() {
    Await.result(app.stop());
    Await.result(vertx.close());
    TestRedis.cleanup(prefix);
  }
}
