package nl.webcare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandOptionsTest {

  @Test
  void evaluateOptionsAreReadAndMistakesExplained() {
    EvaluateCommand.Options options = Commands.evaluateOptions(
        new String[] {"evaluate", existingFile(), "--json", "--task", "needs-reply", "--limit", "10", "--workers", "1"});
    assertThat(options.json()).isTrue();
    assertThat(options.needsReply()).isTrue();
    assertThat(options.limit()).isEqualTo(10);
    assertThat(options.workers()).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Commands.evaluateOptions(new String[] {"evaluate"}))
        .hasMessageContaining("evaluate needs a file");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> Commands.evaluateOptions(new String[] {"evaluate", "f.tsv", "--colour"})).hasMessageContaining("--colour");
    assertThat(Commands.scorer(new String[] {"evaluate", "f.tsv", "--scorer", "vader"})).isEqualTo("vader");
    assertThat(Commands.scorer(new String[] {"evaluate", "f.tsv"})).isEqualTo("webcare");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> Commands.scorer(new String[] {"evaluate", "f.tsv", "--scorer", "magic"})).hasMessageContaining("--scorer");
  }

  @Test
  void badValuesAreNamed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> Commands.evaluateOptions(new String[] {"evaluate", existingFile(), "--task", "guess"}))
        .hasMessageContaining("--task must be sentiment or needs-reply");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> Commands.evaluateOptions(new String[] {"evaluate", existingFile(), "--limit", "ten"}))
        .hasMessageContaining("--limit must be a whole number");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> Commands.evaluateOptions(new String[] {"evaluate", "/no/such/file.tsv"}))
        .hasMessageContaining("cannot read the file /no/such/file.tsv");
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
