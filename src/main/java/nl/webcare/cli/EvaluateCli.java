package nl.webcare.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.webcare.triage.MentionAssessor;
import nl.webcare.triage.Triage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evaluate FILE.tsv}: how well the service's scoring (or a baseline) does on a labelled file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"How well the service's own scoring does on a labelled file, and how fast; --scorer measures",
        "a baseline instead: the VADER rules alone, or CoreNLP alone (most negative sentence decides)."},
    exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:measured", "1:the model failed", "2:bad usage"})
final class EvaluateCli implements Callable<Integer> {
  /** What is measured: the sentiment label, or whether a mention needs a reply. */
  enum Task { sentiment, needs_reply }

  @Parameters(index = "0", paramLabel = "FILE.tsv", description = "labelled texts: id, label, text, meta")
  Path file;

  @Option(names = "--json", description = "print the figures as JSON")
  boolean json;

  @Option(names = "--task", paramLabel = "TASK", converter = TaskConverter.class,
      description = "sentiment (default) or needs-reply")
  Task task = Task.sentiment;

  @Option(names = "--limit", paramLabel = "N", converter = PositiveConverter.class,
      description = "at most N rows of the file")
  int limit = Integer.MAX_VALUE;

  @Option(names = "--workers", paramLabel = "N", converter = PositiveConverter.class,
      description = "parallel scorers (default: the number of cores)")
  int workers = Runtime.getRuntime().availableProcessors();

  @Option(names = "--scorer", paramLabel = "SCORER", description = "webcare (default), vader or corenlp")
  Analyzers.Scorer scorer = Analyzers.Scorer.webcare;

  @Option(names = "--model", paramLabel = "MODEL", description = "a learned layer (train-triage) that decides "
      + "beside the rules, for its task")
  Path model;

  @Option(names = "--half", paramLabel = "HALF", converter = HalfConverter.class, description = "test (the rows "
      + "train-triage --half train left out), train or all (default)")
  nl.webcare.learning.Halves half = nl.webcare.learning.Halves.ALL;

  /** The options as the evaluation reads them; fails naming a file that cannot be read. */
  EvaluateCommand.Options options() throws java.io.IOException {
    return new EvaluateCommand.Options(Commands.readable(file.toString()), json, task == Task.needs_reply, limit,
        workers, model == null ? null : nl.webcare.learning.LearnedTriage.read(Commands.readable(model.toString())),
        half);
  }

  @Override
  public Integer call() throws Exception {
    EvaluateCommand.Options options = options();
    var config = Analyzers.defaultConfig();
    System.out.println(new EvaluateCommand(new MentionAssessor(Analyzers.load(scorer, config), Triage.load()))
        .run(options));
    return 0;
  }

  /** {@code --task}, with the message people read when it is wrong. */
  static final class TaskConverter implements picocli.CommandLine.ITypeConverter<Task> {
    @Override
    public Task convert(String value) {
      return switch (value) {
        case "needs-reply" -> Task.needs_reply;
        case "sentiment" -> Task.sentiment;
        default -> throw new picocli.CommandLine.TypeConversionException(
            "--task must be sentiment or needs-reply, got " + value);
      };
    }
  }

  /** {@code --half}: train, test or all. */
  static final class HalfConverter implements picocli.CommandLine.ITypeConverter<nl.webcare.learning.Halves> {
    @Override
    public nl.webcare.learning.Halves convert(String value) {
      try {
        return nl.webcare.learning.Halves.valueOf(value.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("--half must be train, test or all, got " + value);
      }
    }
  }

  /** A whole number of at least 1. */
  static final class PositiveConverter implements picocli.CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        return Commands.positive(value, "the value");
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("must be a whole number of at least 1, got " + value);
      }
    }
  }
}
