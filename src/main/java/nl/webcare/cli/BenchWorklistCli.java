package nl.webcare.cli;

import java.util.concurrent.Callable;
import nl.webcare.bench.WorklistBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-worklist}: worklist pages and claims under load. */
@Command(name = "bench-worklist", mixinStandardHelpOptions = true,
    description = "Fills a worklist and measures its pages and claims over HTTP under load.",
    exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:measured", "1:the run failed", "2:bad usage"})
final class BenchWorklistCli implements Callable<Integer> {
  @Option(names = "--cases", paramLabel = "N", converter = EvaluateCli.PositiveConverter.class,
      description = "open cases (default ${DEFAULT-VALUE})")
  int cases = 100_000;

  @Option(names = "--seconds", paramLabel = "S", converter = EvaluateCli.PositiveConverter.class,
      description = "seconds per measurement (default ${DEFAULT-VALUE})")
  int seconds = 15;

  @Option(names = "--connections", paramLabel = "C", converter = EvaluateCli.PositiveConverter.class,
      description = "concurrent connections (default ${DEFAULT-VALUE})")
  int connections = 16;

  @Override
  public Integer call() throws Exception {
    System.out.println(WorklistBenchmark.run(cases, seconds, connections, System.getenv(), Analyzers::service)
        .encodePrettily());
    return 0;
  }
}
