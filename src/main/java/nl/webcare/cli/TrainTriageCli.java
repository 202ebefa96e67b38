package nl.webcare.cli;

import de.bwaldvogel.liblinear.Feature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.webcare.evaluation.LabelledTexts;
import nl.webcare.learning.Halves;
import nl.webcare.learning.LearnedTriage;
import nl.webcare.learning.TriageFeatures;
import nl.webcare.mention.Mention;
import nl.webcare.triage.MentionAssessor;
import nl.webcare.triage.Triage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code train-triage FILE.tsv --language en|nl --task sentiment|needs-reply --out MODEL [--half train|all]}: the
 * learned layer trained on a labelled file, each text first scored by the service's own rules (their evidence is
 * part of what the model sees).
 */
@Command(name = "train-triage", mixinStandardHelpOptions = true,
    description = "Trains the learned layer beside the rules on a labelled file and writes the model to --out.",
    exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:trained", "1:training failed", "2:bad usage"})
final class TrainTriageCli implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.tsv", description = "labelled texts: id, label, text, meta")
  Path file;

  @Option(names = "--language", required = true, paramLabel = "LANG", description = "en or nl")
  String language;

  @Option(names = "--task", paramLabel = "TASK", converter = EvaluateCli.TaskConverter.class,
      description = "sentiment (default) or needs-reply")
  EvaluateCli.Task task = EvaluateCli.Task.sentiment;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "where the model is written")
  Path out;

  @Option(names = "--half", paramLabel = "HALF", converter = EvaluateCli.HalfConverter.class, description = "train (the half of the rows the ids pick; "
      + "evaluate --half test measures on the other) or all (default)")
  Halves half = Halves.ALL;

  @Option(names = "--c", paramLabel = "C", description = "inverse regularisation strength (default ${DEFAULT-VALUE})")
  double c = 4.0;

  @Override
  public Integer call() throws Exception {
    if (!language.equals("en") && !language.equals("nl")) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--language must be en or nl");
    }
    Path input = Commands.readable(file.toString());
    List<LabelledTexts.Row> rows = LabelledTexts.read(input, Integer.MAX_VALUE).stream()
        .filter(r -> half.holds(r.id())).toList();
    MentionAssessor assessor = new MentionAssessor(Analyzers.service(Analyzers.defaultConfig()), Triage.load());
    List<LearnedTriage.Example> examples = examples(rows, assessor);
    List<String> labels = task == EvaluateCli.Task.needs_reply ? EvaluateCommand.NEEDS_REPLY_CLASSES
        : EvaluateCommand.SENTIMENT_CLASSES;
    long started = System.nanoTime();
    LearnedTriage model = LearnedTriage.train(examples, labels, task == EvaluateCli.Task.needs_reply ? "needs-reply"
        : "sentiment", language, input.getFileName() + (half == Halves.ALL ? "" : " (" + half.name().toLowerCase()
        + " half)"), c);
    model.write(out);
    System.err.printf("trained on %d texts in %.1f s, written to %s%n", examples.size(),
        (System.nanoTime() - started) / 1e9, out);
    return 0;
  }

  /** Each row scored by the service (two at a time), then turned into features; in the file's order. */
  static List<LearnedTriage.Example> examples(List<LabelledTexts.Row> rows, MentionAssessor assessor)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<Feature[]>> jobs = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        LabelledTexts.Row row = rows.get(i);
        String externalId = row.id() + "#" + i;
        jobs.add(pool.submit(() -> TriageFeatures.of(row.text(),
            assessor.assess(Mention.ofText("train", externalId, row.text())))));
      }
      List<LearnedTriage.Example> out = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        out.add(new LearnedTriage.Example(jobs.get(i).get(), rows.get(i).label()));
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }
}
