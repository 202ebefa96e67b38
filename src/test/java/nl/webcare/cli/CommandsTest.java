package nl.webcare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.webcare.support.SharedAnalyzer;
import nl.webcare.triage.MentionAssessor;
import org.junit.jupiter.api.Test;

class CommandsTest {
  private final MentionAssessor assessor = new MentionAssessor(SharedAnalyzer.get(), nl.webcare.triage.Triage.standard());

  @Test
  void scorePrintsOneJsonLinePerTextInPlainOrDatasetFormat() throws Exception {
    String plain = "This is terrible service, I am furious.\nThank you, wonderful crew!\n";
    String[] lines = score(plain);
    assertThat(lines).hasSize(2);
    JsonObject first = new JsonObject(lines[0]);
    assertThat(first.getString("label")).isEqualTo("negative");
    assertThat(first.getBoolean("needs_reply")).isTrue();
    assertThat(first.getDouble("score")).isBetween(-1.0, 0.0);
    assertThat(new JsonObject(lines[1]).getString("label")).isEqualTo("positive");

    String tsv = "id\tlabel\ttext\tmeta\n42\tnegative\tThe worst flight of my life.\t\n";
    JsonObject row = new JsonObject(score(tsv)[0]);
    assertThat(row.getString("id")).isEqualTo("42");
    assertThat(row.getString("gold")).isEqualTo("negative");
  }

  @Test
  void evaluateReportsTheFiguresAsJson() throws Exception {
    Path file = Files.createTempFile("eval", ".tsv");
    Files.writeString(file, "id\tlabel\ttext\tmeta\n"
        + "1\tnegative\tThis is the worst service ever, terrible and rude.\t\n"
        + "2\tpositive\tWonderful staff, thank you so much!\t\n"
        + "3\tnegative\tMy bag is lost and nobody helps. Awful.\t\n");
    JsonObject json = new JsonObject(new EvaluateCommand(assessor)
        .run(new EvaluateCommand.Options(file, true, false, 100, 2)));
    assertThat(json.getLong("n")).isEqualTo(3);
    assertThat(json.fieldNames()).contains("accuracy", "macro_f1", "negative_precision", "negative_recall",
        "docs_per_second");
    assertThat(json.getDouble("negative_recall")).isEqualTo(1.0);
  }

  @Test
  void evaluateNeedsReplySplitsComplaintsQuestionsAndNeutralTextsAddressedToNobody() throws Exception {
    Path file = Files.createTempFile("eval-needs-reply", ".tsv");
    Files.writeString(file, "id\tlabel\ttext\tmeta\n"
        + "1\tcomplaint\t@acme my order never arrived, this is terrible\t\n"
        + "2\tcomplaint\t@acme three weeks and still no refund, awful service\t\n"
        + "3\tnot_complaint\t@acme what time does the Utrecht store open on Sunday?\t\n"
        + "4\tnot_complaint\tAcme published its quarterly report today.\t\n"
        + "5\tnot_complaint\tNorthwind opened a new office in Leeds.\t\n"
        + "6\tnot_complaint\t@acme thanks, lovely crew today!\t\n");
    JsonObject json = new JsonObject(new EvaluateCommand(assessor)
        .run(new EvaluateCommand.Options(file, true, true, 100, 2)));
    assertThat(json.getJsonObject("complaints").getLong("n")).isEqualTo(2);
    assertThat(json.getJsonObject("complaints").getDouble("recall")).isEqualTo(1.0);
    assertThat(json.getJsonObject("complaints").getDouble("precision")).isEqualTo(1.0);
    JsonObject questions = json.getJsonObject("questions");
    assertThat(questions.getLong("n")).isEqualTo(1);
    assertThat(questions.getDouble("recall")).isEqualTo(1.0);
    assertThat(questions.getLong("opened_as_question")).isEqualTo(1);
    // the two news sentences are addressed to nobody ("thanks" to @acme is addressed) and open nothing
    assertThat(json.getJsonObject("neutral_not_addressed").getLong("n")).isEqualTo(2);
    assertThat(json.getJsonObject("neutral_not_addressed").getDouble("rate")).isEqualTo(0.0);
    // the question opened a case, which the complaint-only F1 counts against precision
    assertThat(json.getDouble("precision")).isLessThan(1.0);
  }

  private String[] score(String input) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ScoreCommand(assessor).run(new BufferedReader(new StringReader(input)), new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).split("\n");
  }
}
