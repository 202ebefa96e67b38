package nl.webcare.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.webcare.bench.SentimentSpeedBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bench-sentiment FILE.tsv}: Webcare's scorer against a plain CoreNLP pipeline. */
@Command(name = "bench-sentiment", mixinStandardHelpOptions = true,
    description = "Times Webcare's scorer against a plain CoreNLP sentiment pipeline on the texts of FILE.tsv.",
    exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:measured", "1:the run failed", "2:bad usage"})
final class BenchSentimentCli implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.tsv", description = "labelled texts: id, label, text, meta")
  Path file;

  @Option(names = "--count", paramLabel = "N", converter = EvaluateCli.PositiveConverter.class,
      description = "texts to score (default ${DEFAULT-VALUE})")
  int count = 1000;

  @Override
  public Integer call() throws Exception {
    Path input = Commands.readable(file.toString());
    System.out.println(SentimentSpeedBenchmark.run(input, count, Analyzers.service(Analyzers.defaultConfig()))
        .encodePrettily());
    return 0;
  }
}
