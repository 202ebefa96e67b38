package nl.webcare;

import nl.webcare.app.WebcareApp;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import nl.webcare.metrics.WebcareMetrics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.webcare.bench.PipelineBenchmark;
import nl.webcare.bench.WorklistBenchmark;
import nl.webcare.bench.SentimentSpeedBenchmark;
import nl.webcare.cli.Commands;
import nl.webcare.config.ConfigLoader;
import nl.webcare.config.WebcareConfig;
import nl.webcare.sentiment.ClassifierTraining;
import nl.webcare.sentiment.CoreNlpSentimentAnalyzer;
import nl.webcare.sentiment.MultilingualSentimentAnalyzer;
import nl.webcare.sentiment.SentimentAnalyzer;
import nl.webcare.sentiment.VaderSentimentAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar webcare.jar [--demo] [--config FILE]}: reads the configuration, starts Webcare and
 * stops it cleanly on Ctrl-C. A start that fails prints why and exits with status 1.
 */
public final class WebcareLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(WebcareLauncher.class);

  private WebcareLauncher() {}

  public static void main(String[] args) {
    if (args.length > 0 && "benchmark".equals(args[0])) {
      benchmark(args);
      return;
    }
    if (args.length > 0 && "bench-worklist".equals(args[0])) {
      benchWorklist(args);
      return;
    }
    if (args.length > 0 && "train-classifier".equals(args[0])) {
      trainClassifier(args);
      return;
    }
    if (args.length > 0 && "bench-sentiment".equals(args[0])) {
      benchSentiment(args);
      return;
    }
    if (args.length > 0 && Commands.handles(args[0])) {
      offlineCommand(args);
      return;
    }
    String configFile = null;
    Map<String, String> environment = new HashMap<>(System.getenv());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--demo" -> environment.put("WEBCARE_DEMO", "true");
        case "--config" -> {
          if (i + 1 >= args.length) {
            fail("--config needs a file name");
          }
          configFile = args[++i];
        }
        case "--help", "-h" -> {
          System.out.println("usage: java -jar webcare.jar [--demo] [--config FILE]\n"
              + "       java -jar webcare.jar benchmark FILE.tsv [--count N]\n"
              + "       java -jar webcare.jar bench-sentiment FILE.tsv [--count N]\n"
              + "       java -jar webcare.jar bench-worklist [--cases N] [--seconds S] [--connections C]\n" + Commands.USAGE);
          return;
        }
        default -> fail("unknown argument " + args[i] + "; usage: java -jar webcare.jar [--demo] [--config FILE]");
      }
    }
    long started = System.nanoTime();
    // Vert.x's own metrics (HTTP server and client, pools) and Webcare's go to one Prometheus registry
    WebcareMetrics metrics = WebcareMetrics.standalone();
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
        .build();
    String file = configFile;
    new ConfigLoader(vertx).load(file, environment)
        .compose(config -> WebcareApp.start(vertx, config, () -> loadAnalyzer(config), System.getenv(), metrics))
        .onSuccess(app -> {
          LOG.info("Webcare started in {} ms: http://localhost:{}/api/v1/worklist",
              (System.nanoTime() - started) / 1_000_000, app.httpPort());
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop().toCompletionStage().toCompletableFuture().join();
            vertx.close().toCompletionStage().toCompletableFuture().join();
          }, "webcare-shutdown"));
        })
        .onFailure(e -> {
          LOG.error("Webcare did not start: {}", e.getMessage());
          vertx.close().onComplete(v -> System.exit(1));
        });
  }

  /** {@code train-classifier OUT.ser.gz FILE.tsv...}: see {@link ClassifierTraining}. */
  private static void trainClassifier(String[] args) {
    if (args.length < 3) {
      fail("usage: java -jar webcare.jar train-classifier OUT.ser.gz FILE.tsv [FILE.tsv ...]");
    }
    try {
      java.util.List<Path> files = new java.util.ArrayList<>();
      for (int i = 2; i < args.length; i++) {
        files.add(Commands.readable(args[i]));
      }
      int n = ClassifierTraining.train(Path.of(args[1]), files, defaultConfig().scoring().maxTextChars());
      LOG.info("trained on {} texts, written to {}", n, args[1]);
      System.exit(0);
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
    } catch (Exception e) {
      LOG.error("train-classifier failed: {}", e.getMessage(), e);
      System.exit(1);
    }
  }

  /** {@code bench-sentiment FILE.tsv [--count N]}: see {@link SentimentSpeedBenchmark}. */
  private static void benchSentiment(String[] args) {
    if (args.length < 2) {
      fail("usage: java -jar webcare.jar bench-sentiment FILE.tsv [--count N]");
    }
    try {
      int count = args.length >= 4 && "--count".equals(args[2]) ? Commands.positive(args[3], "--count") : 1000;
      Commands.readable(args[1]);
      System.out.println(SentimentSpeedBenchmark.run(Path.of(args[1]), count, loadAnalyzer(defaultConfig()))
          .encodePrettily());
      System.exit(0);
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
    } catch (Exception e) {
      LOG.error("bench-sentiment failed: {}", e.getMessage(), e);
      System.exit(1);
    }
  }

  /** {@code score} and {@code evaluate}: the service's scoring without the service. */
  private static void offlineCommand(String[] args) {
    try {
      WebcareConfig config = defaultConfig();
      SentimentAnalyzer analyzer = switch (Commands.scorer(args)) {
        case "vader" -> VaderSentimentAnalyzer.load();
        case "corenlp" -> CoreNlpSentimentAnalyzer.load(config.scoring().maxTextChars());
        default -> loadAnalyzer(config);
      };
      System.exit(Commands.run(args, analyzer));
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
    } catch (Exception e) {
      LOG.error("{} failed: {}", args[0], e.getMessage(), e);
      System.exit(1);
    }
  }

  /** {@code bench-worklist [--cases N] [--seconds S] [--connections C]}: see {@link WorklistBenchmark}. */
  private static void benchWorklist(String[] args) {
    int cases = 100_000;
    int seconds = 15;
    int connections = 16;
    try {
      for (int i = 1; i + 1 < args.length; i += 2) {
        switch (args[i]) {
          case "--cases" -> cases = Commands.positive(args[i + 1], "--cases");
          case "--seconds" -> seconds = Commands.positive(args[i + 1], "--seconds");
          case "--connections" -> connections = Commands.positive(args[i + 1], "--connections");
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; usage: bench-worklist [--cases N] [--seconds S] [--connections C]");
        }
      }
      System.out.println(WorklistBenchmark.run(cases, seconds, connections, System.getenv(),
          WebcareLauncher::loadAnalyzer).encodePrettily());
      System.exit(0);
    } catch (IllegalArgumentException | IllegalStateException e) {
      fail(e.getMessage());
    } catch (Exception e) {
      LOG.error("bench-worklist failed: {}", e.getMessage(), e);
      System.exit(1);
    }
  }

  /** {@code benchmark FILE.tsv [--count N]}: see {@link PipelineBenchmark}. */
  private static void benchmark(String[] args) {
    if (args.length < 2) {
      fail("usage: java -jar webcare.jar benchmark FILE.tsv [--count N]");
    }
    try {
      int count = args.length >= 4 && "--count".equals(args[2]) ? Commands.positive(args[3], "--count") : 2000;
      Commands.readable(args[1]);
      System.out.println(PipelineBenchmark.run(Path.of(args[1]), count, System.getenv(), WebcareLauncher::loadAnalyzer)
          .encodePrettily());
      System.exit(0);
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
    } catch (Exception e) {
      LOG.error("benchmark failed: {}", e.getMessage(), e);
      System.exit(1);
    }
  }

  /** The configuration from defaults and environment, for the offline commands. */
  private static WebcareConfig defaultConfig() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      return new ConfigLoader(vertx).load(null, System.getenv()).toCompletionStage().toCompletableFuture().get();
    } finally {
      vertx.close();
    }
  }

  static MultilingualSentimentAnalyzer loadAnalyzer(WebcareConfig config) {
    return MultilingualSentimentAnalyzer.load(config.scoring().maxTextChars());
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(2);
  }
}
