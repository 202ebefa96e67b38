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

  @Override
  public Integer call() throws Exception {
    System.out.println(PipelineBenchmark.run(Commands.readable(file.toString()), count, System.getenv(),
        Analyzers::service).encodePrettily());
    return 0;
  }
}
