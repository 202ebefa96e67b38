package nl.webcare.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.webcare.triage.MentionAssessor;
import nl.webcare.triage.Triage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code score [FILE]}: the service's scoring of each line, without the service. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Scores one text per line (or the texts of a data-set TSV file) from FILE or standard input",
        "and prints one JSON line each: label, score, language, triage class, needs_reply, why."},
    exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:scored", "1:the model failed", "2:bad usage"})
final class ScoreCli implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a text file or TSV; standard input when absent")
  Path file;

  @Override
  public Integer call() throws Exception {
    Path input = file == null ? null : Commands.readable(file.toString());
    MentionAssessor assessor = new MentionAssessor(Analyzers.service(Analyzers.defaultConfig()), Triage.load());
    try (BufferedReader in = input != null ? Files.newBufferedReader(input, StandardCharsets.UTF_8)
        : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      new ScoreCommand(assessor).run(in, System.out);
    }
    return 0;
  }
}
