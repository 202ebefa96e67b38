package nl.webcare.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.webcare.bench.LatencyBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-latency --rates 50,100 --seconds 300}: the latency run (see {@link LatencyBenchmark}). */
@Command(name = "bench-latency", mixinStandardHelpOptions = true,
    description = {"Starts Webcare from the jar on a redis-server of its own and pushes signed complaints at each steady",
        "rate in turn; prints push -> case filed and push -> webhook delivered (p50, p99, max in ms) per rate, and",
        "the highest rate whose p99 to a filed case is within 1 s, as JSON. Needs redis-server on the PATH."})
final class BenchLatencyCli implements Callable<Integer> {
  @Option(names = "--rates", paramLabel = "PER_SECOND", split = ",",
      description = "mentions pushed per second, one run each in this order (default ${DEFAULT-VALUE})")
  List<Integer> rates = List.of(50, 100);

  @Option(names = "--seconds", paramLabel = "S", converter = EvaluateCli.PositiveConverter.class,
      description = "measured seconds per rate (default ${DEFAULT-VALUE})")
  int seconds = 300;

  @Option(names = "--warmup", paramLabel = "S", description = "seconds pushed first at each rate and not counted (default ${DEFAULT-VALUE})")
  int warmup = 15;

  @Option(names = "--jar", paramLabel = "FILE", description = "the Webcare jar to run (default: this one)")
  Path jar;

  @Override
  public Integer call() throws Exception {
    if (rates.stream().anyMatch(r -> r <= 0)) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--rates must be positive");
    }
    Path self = jar != null ? jar
        : Path.of(BenchLatencyCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    System.out.println(LatencyBenchmark.run(Commands.readable(self.toString()), rates, seconds, Math.max(0, warmup))
        .encodePrettily());
    return 0;
  }
}
