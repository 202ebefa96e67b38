package nl.webcare.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nl.webcare.sentiment.ClassifierTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code train-classifier OUT.ser.gz FILE.tsv...}: see {@link ClassifierTraining}. */
@Command(name = "train-classifier", mixinStandardHelpOptions = true,
    description = "Trains the English combination classifier on labelled files and writes it to OUT.",
    exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:trained", "1:training failed", "2:bad usage"})
final class TrainClassifierCli implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OUT.ser.gz", description = "where the classifier is written")
  Path output;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE.tsv", description = "labelled texts")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    List<Path> readable = new ArrayList<>();
    files.forEach(f -> readable.add(Commands.readable(f.toString())));
    int n = ClassifierTraining.train(output, readable, Analyzers.defaultConfig().scoring().maxTextChars());
    System.err.println("trained on " + n + " texts, written to " + output);
    return 0;
  }
}
