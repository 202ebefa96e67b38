package nl.webcare.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.webcare.bench.PipelineBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code benchmark FILE.tsv}: mentions through the whole pipeline, timed. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
    description = "Pushes the texts of FILE.tsv through Webcare (inbox, scoring, store, worklist) and prints "
        + "throughput, latency and memory as JSON.",
    exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:measured", "1:the run failed", "2:bad usage"})
final class BenchmarkCli implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.tsv", description = "labelled texts: id, label, text, meta")
  Path file;

  @Option(names = "--count", paramLabel = "N", converter = EvaluateCli.PositiveConverter.class,
      description = "mentions to push (default ${DEFAULT-VALUE})")
  int count = 2000;

  @Option(names = "--counting", paramLabel = "on|off|compare",
      description = "the marketing counts written with each mention: on, off, or compare (a warm-up run, one "
          + "without, one with, and what the counting costs) (default ${DEFAULT-VALUE})")
  String counting = "on";

  @Override
  public Integer call() throws Exception {
    java.nio.file.Path input = Commands.readable(file.toString());
    switch (counting) {
      case "on", "off" -> System.out.println(PipelineBenchmark.run(input, count, System.getenv(), Analyzers::service,
          counting.equals("on")).encodePrettily());
      case "compare" -> {
        // a first run warms the JIT compiler, which otherwise makes whichever run comes first look slower
        var warmUp = PipelineBenchmark.run(input, count, System.getenv(), Analyzers::service, true);
        var without = PipelineBenchmark.run(input, count, System.getenv(), Analyzers::service, false);
        var with = PipelineBenchmark.run(input, count, System.getenv(), Analyzers::service, true);
        double a = without.getDouble("mentions_per_second");
        double b = with.getDouble("mentions_per_second");
        System.out.println(new io.vertx.core.json.JsonObject()
            .put("warm_up_mentions_per_second", warmUp.getDouble("mentions_per_second"))
            .put("without_counting", without)
            .put("with_counting", with).put("throughput_cost_percent", Math.round((a - b) / a * 1000) / 10.0)
            .encodePrettily());
      }
      default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--counting must be on, off or compare");
    }
    return 0;
  }
}
