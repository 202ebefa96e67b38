package nl.webcare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line: options read, mistakes explained with exit code 2, every command in the help. */
class CommandOptionsTest {

  @Test
  void evaluateOptionsAreReadAndMistakesExplained() throws Exception {
    EvaluateCli evaluate = parse(new EvaluateCli(), existingFile(), "--json", "--task", "needs-reply", "--limit", "10",
        "--workers", "1");
    EvaluateCommand.Options options = evaluate.options();
    assertThat(options.json()).isTrue();
    assertThat(options.needsReply()).isTrue();
    assertThat(options.limit()).isEqualTo(10);
    assertThat(options.workers()).isEqualTo(1);
    assertThatThrownBy(() -> parse(new EvaluateCli())).hasMessageContaining("FILE.tsv");
    assertThatThrownBy(() -> parse(new EvaluateCli(), "f.tsv", "--colour")).hasMessageContaining("--colour");
    assertThat(parse(new EvaluateCli(), "f.tsv", "--scorer", "vader").scorer).isEqualTo(Analyzers.Scorer.vader);
    assertThat(parse(new EvaluateCli(), "f.tsv").scorer).isEqualTo(Analyzers.Scorer.webcare);
    assertThatThrownBy(() -> parse(new EvaluateCli(), "f.tsv", "--scorer", "magic")).hasMessageContaining("--scorer");
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(() -> parse(new EvaluateCli(), existingFile(), "--task", "guess"))
        .hasMessageContaining("--task must be sentiment or needs-reply");
    assertThatThrownBy(() -> parse(new EvaluateCli(), existingFile(), "--limit", "ten"))
        .hasMessageContaining("--limit").hasMessageContaining("must be a whole number");
    assertThatThrownBy(() -> parse(new EvaluateCli(), "/no/such/file.tsv").options())
        .hasMessageContaining("cannot read the file /no/such/file.tsv");
  }

  @Test
  void helpListsEveryCommandAndEachCommandPrintsItsUsage() {
    StringWriter out = new StringWriter();
    int code = WebcareCli.commandLine(new WebcareCli()).setOut(new PrintWriter(out)).execute("--help");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("--demo", "--config", "score", "evaluate", "benchmark", "bench-sentiment",
        "bench-worklist", "train-classifier", "Exit codes:");
    StringWriter score = new StringWriter();
    assertThat(WebcareCli.commandLine(new WebcareCli()).setOut(new PrintWriter(score)).execute("score", "--help"))
        .isZero();
    assertThat(score.toString()).contains("Usage: webcare.jar score", "[FILE]", "Exit codes:");
  }

  @Test
  void aUsageMistakeExitsWith2AndSaysWhat() {
    StringWriter err = new StringWriter();
    int code = WebcareCli.commandLine(new WebcareCli()).setErr(new PrintWriter(err)).execute("evaluate", "--limit", "0",
        "f.tsv");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--limit");
    StringWriter missing = new StringWriter();
    assertThat(WebcareCli.commandLine(new WebcareCli()).setErr(new PrintWriter(missing))
        .execute("evaluate", "/no/such/file.tsv")).isEqualTo(2);
    assertThat(missing.toString()).contains("cannot read the file /no/such/file.tsv");
    assertThat(WebcareCli.commandLine(new WebcareCli()).setErr(new PrintWriter(new StringWriter())).execute("frobnicate"))
        .isEqualTo(2);
  }

  private static <T> T parse(T command, String... args) {
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private static String existingFile() {
    try {
      Path file = Files.createTempFile("set", ".tsv");
      return file.toString();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
