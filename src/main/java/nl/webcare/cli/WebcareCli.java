package nl.webcare.cli;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import nl.webcare.app.WebcareApp;
import nl.webcare.config.ConfigLoader;
import nl.webcare.metrics.WebcareMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar webcare.jar [--demo] [--config FILE]}: starts Webcare and stops it cleanly on Ctrl-C; the
 * subcommands are the offline tools. Exit codes: 0 done (or running), 1 failed (the log says why), 2 bad usage.
 */
@Command(name = "webcare.jar", mixinStandardHelpOptions = true, version = "Webcare 0.1.0",
    description = "Watches what people say about a brand, queues what needs a reply, most urgent first.",
    subcommands = {ScoreCli.class, EvaluateCli.class, BenchmarkCli.class, BenchSentimentCli.class,
        BenchWorklistCli.class, TrainClassifierCli.class, ChaosCli.class, BenchAlertsCli.class, BenchSpikesCli.class, BenchLatencyCli.class, BenchHousekeepingCli.class, BenchClusterCli.class,
        TrainTriageCli.class},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:started (it runs until stopped)", "1:did not start (the log says why)", "2:bad usage"})
public final class WebcareCli implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(WebcareCli.class);

  @Option(names = "--demo", description = "serve and poll the sample feeds of the jar (embedded Redis)")
  boolean demo;

  @Option(names = "--config", paramLabel = "FILE", description = "a YAML file over the defaults (or WEBCARE_CONFIG)")
  Path config;

  private volatile boolean serving;

  /** True once the service started: the process then runs until it is stopped. */
  public boolean serving() {
    return serving;
  }

  /** The command line with its error handling: a usage mistake is 2 with the message, a failure 1. */
  public static CommandLine commandLine(WebcareCli cli) {
    return new CommandLine(cli).setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof IllegalArgumentException) {
        PrintWriter err = line.getErr();
        err.println(e.getMessage());
        err.flush();
        return 2;
      }
      LOG.error("{} failed: {}", line.getCommandName(), e.getMessage(), e);
      return 1;
    });
  }

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> environment = new HashMap<>(System.getenv());
    if (demo) {
      environment.put("WEBCARE_DEMO", "true");
    }
    long started = System.nanoTime();
    // Vert.x's own metrics (HTTP server and client, pools) and Webcare's go to one Prometheus registry
    WebcareMetrics metrics = WebcareMetrics.standalone();
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
        .build();
    String file = config == null ? null : config.toString();
    try {
      WebcareApp app = new ConfigLoader(vertx).load(file, environment)
          .compose(c -> WebcareApp.start(vertx, c, () -> Analyzers.service(c), System.getenv(), metrics))
          .toCompletionStage().toCompletableFuture().get();
      LOG.info("Webcare started in {} ms: http://localhost:{}/api/v1/worklist",
          (System.nanoTime() - started) / 1_000_000, app.httpPort());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        app.stop().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
      }, "webcare-shutdown"));
      serving = true;
      return 0;
    } catch (ExecutionException e) {
      LOG.error("Webcare did not start: {}", e.getCause().getMessage());
      vertx.close().toCompletionStage().toCompletableFuture().join();
      return 1;
    }
  }
}
