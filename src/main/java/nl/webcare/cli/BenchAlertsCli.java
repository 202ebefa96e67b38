package nl.webcare.cli;

import java.util.concurrent.Callable;
import nl.webcare.bench.AlertDeliveryBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-alerts}: alert delivery latency to webhooks and a live stream (see {@link AlertDeliveryBenchmark}). */
@Command(name = "bench-alerts", mixinStandardHelpOptions = true,
    description = {"Writes alerts at a steady rate to a Webcare of its own with N webhook subscriptions on loopback",
        "(one receiver answers after 5 s) and a live-stream client; prints p50/p99/max from the alert's write to",
        "its arrival, per path, as JSON. Uses REDIS_URL, else the embedded Redis."},
    exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:measured", "1:the run failed", "2:bad usage"})
final class BenchAlertsCli implements Callable<Integer> {
  @Option(names = "--subscriptions", paramLabel = "N", converter = EvaluateCli.PositiveConverter.class,
      description = "webhook subscriptions, the first of them slow (default ${DEFAULT-VALUE})")
  int subscriptions = 20;

  @Option(names = "--rate", paramLabel = "PER_SECOND", converter = EvaluateCli.PositiveConverter.class,
      description = "alerts written per second (default ${DEFAULT-VALUE})")
  int rate = 50;

  @Option(names = "--seconds", paramLabel = "S", converter = EvaluateCli.PositiveConverter.class,
      description = "how long alerts are written (default ${DEFAULT-VALUE})")
  int seconds = 60;

  @Override
  public Integer call() throws Exception {
    if (subscriptions < 2) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--subscriptions must be at least 2: one slow receiver and the others");
    }
    System.out.println(AlertDeliveryBenchmark.run(subscriptions, rate, seconds, System.getenv()).encodePrettily());
    return 0;
  }
}
