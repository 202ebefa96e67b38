package nl.webcare.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.webcare.sentiment.SentimentAnalyzer;
import nl.webcare.triage.MentionAssessor;

/** The offline commands of the jar: {@code score} and {@code evaluate}. */
public final class Commands {
  public static final String USAGE = """
      usage: java -jar webcare.jar score [FILE]
                 one text per line (or a data-set TSV file) from FILE or standard input; one JSON line each
             java -jar webcare.jar evaluate FILE.tsv [--json] [--task sentiment|needs-reply] [--limit N] [--workers N]
                                    [--scorer webcare|vader|corenlp]
                 how well the service's own scoring does on a labelled file, and how fast; --scorer measures
                 a baseline instead: the VADER rules alone, or CoreNLP alone (most negative sentence decides)""";

  private Commands() {}

  public static boolean handles(String command) {
    return "score".equals(command) || "evaluate".equals(command);
  }

  /** The analyzer that {@code --scorer} names, or null for the service's own. */
  public static String scorer(String[] args) {
    for (int i = 0; i < args.length - 1; i++) {
      if ("--scorer".equals(args[i])) {
        String name = args[i + 1];
        if (!name.equals("webcare") && !name.equals("vader") && !name.equals("corenlp")) {
          throw new IllegalArgumentException("--scorer must be webcare, vader or corenlp\n" + USAGE);
        }
        return name;
      }
    }
    return "webcare";
  }

  /** Runs the command; returns the process exit status. */
  public static int run(String[] args, SentimentAnalyzer analyzer) throws Exception {
    MentionAssessor assessor = new MentionAssessor(analyzer, nl.webcare.triage.Triage.standard());
    if ("score".equals(args[0])) {
      try (BufferedReader in = args.length > 1
          ? Files.newBufferedReader(readable(args[1]), StandardCharsets.UTF_8)
          : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        new ScoreCommand(assessor).run(in, System.out);
      }
      return 0;
    }
    EvaluateCommand.Options options = evaluateOptions(args);
    System.out.println(new EvaluateCommand(assessor).run(options));
    return 0;
  }

  static EvaluateCommand.Options evaluateOptions(String[] args) {
    if (args.length < 2 || args[1].startsWith("--")) {
      throw new IllegalArgumentException("evaluate needs a file\n" + USAGE);
    }
    boolean json = false;
    boolean needsReply = false;
    int limit = Integer.MAX_VALUE;
    int workers = Runtime.getRuntime().availableProcessors();
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--json" -> json = true;
        case "--task" -> needsReply = task(value(args, ++i, "--task"));
        case "--limit" -> limit = positive(value(args, ++i, "--limit"), "--limit");
        case "--workers" -> workers = positive(value(args, ++i, "--workers"), "--workers");
        case "--scorer" -> value(args, ++i, "--scorer");
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    return new EvaluateCommand.Options(readable(args[1]), json, needsReply, limit, workers);
  }

  private static boolean task(String name) {
    return switch (name) {
      case "needs-reply" -> true;
      case "sentiment" -> false;
      default -> throw new IllegalArgumentException("--task must be sentiment or needs-reply, got " + name + "\n" + USAGE);
    };
  }

  /** A whole number of at least 1, or an error that names the option. */
  public static int positive(String text, String option) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the error below
    }
    throw new IllegalArgumentException(option + " must be a whole number of at least 1, got " + text);
  }

  /** The path of a file that exists and can be read, or an error that names it. */
  public static Path readable(String name) {
    Path file = Path.of(name);
    if (!Files.isReadable(file) || Files.isDirectory(file)) {
      throw new IllegalArgumentException("cannot read the file " + name);
    }
    return file;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[i];
  }
}
