package nl.webcare.cli;

import io.vertx.core.Vertx;
import nl.webcare.config.ConfigLoader;
import nl.webcare.config.WebcareConfig;
import nl.webcare.sentiment.CoreNlpSentimentAnalyzer;
import nl.webcare.sentiment.MultilingualSentimentAnalyzer;
import nl.webcare.sentiment.SentimentAnalyzer;
import nl.webcare.sentiment.VaderSentimentAnalyzer;

/** What the offline commands share: the configuration from defaults and environment, and the analyzers. */
final class Analyzers {
  /** The scorers {@code --scorer} can name: the service's own, or a baseline. */
  enum Scorer { webcare, vader, corenlp }

  private Analyzers() {}

  static WebcareConfig defaultConfig() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      return new ConfigLoader(vertx).load(null, System.getenv()).toCompletionStage().toCompletableFuture().get();
    } finally {
      vertx.close();
    }
  }

  static MultilingualSentimentAnalyzer service(WebcareConfig config) {
    return MultilingualSentimentAnalyzer.load(config.scoring().maxTextChars());
  }

  static SentimentAnalyzer load(Scorer scorer, WebcareConfig config) {
    return switch (scorer) {
      case vader -> VaderSentimentAnalyzer.load();
      case corenlp -> CoreNlpSentimentAnalyzer.load(config.scoring().maxTextChars());
      case webcare -> service(config);
    };
  }
}
