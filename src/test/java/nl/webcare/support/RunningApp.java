package nl.webcare.support;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import nl.webcare.app.WebcareApp;

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
    this(connectorsDir, environment, SharedAnalyzer::get);
  }

  /**
   * As above with another analyzer: {@link #LIGHT} scores with the VADER rules alone, so that a test of the API's
   * rules starts in a second instead of loading CoreNLP.
   */
  public RunningApp(Path connectorsDir, Map<String, String> environment,
      java.util.function.Supplier<nl.webcare.sentiment.SentimentAnalyzer> analyzer) {
    this(connectorsDir, environment, analyzer, java.util.function.UnaryOperator.identity());
  }

  /** As above, with the test configuration changed by {@code change} (a setting switched on, say). */
  public RunningApp(Path connectorsDir, Map<String, String> environment,
      java.util.function.Supplier<nl.webcare.sentiment.SentimentAnalyzer> analyzer,
      java.util.function.UnaryOperator<nl.webcare.config.WebcareConfig> change) {
    app = Await.result(WebcareApp.start(vertx, change.apply(TestConfig.create(TestRedis.url(), prefix,
        connectorsDir.toString())), analyzer, environment));
    api = new ApiClient(app.httpPort());
  }

  /** The VADER rules without CoreNLP: enough to tell a complaint from praise in an API test. */
  public static final java.util.function.Supplier<nl.webcare.sentiment.SentimentAnalyzer> LIGHT =
      nl.webcare.sentiment.VaderSentimentAnalyzer::load;

  @Override
  public void close() {
    Await.result(app.stop());
    Await.result(vertx.close());
    TestRedis.cleanup(prefix);
  }
}
