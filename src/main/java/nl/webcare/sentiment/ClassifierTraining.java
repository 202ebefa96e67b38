package nl.webcare.sentiment;

import edu.stanford.nlp.classify.ColumnDataClassifier;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.webcare.resources.ClasspathResources;

/**
 * {@code train-classifier OUT.ser.gz FILE.tsv...}: computes the {@link EnglishEvidence} of every text of
 * the labelled files and trains CoreNLP's {@link ColumnDataClassifier} on it with the settings in
 * {@code sentiment-models/classifier/en-sentiment.prop}. Train only on data whose licence allows shipping
 * what is learned (the VADER and TweetEval sets), never on the airline tweets.
 */
public final class ClassifierTraining {
  static final String SETTINGS = "sentiment-models/classifier/en-sentiment.prop";

  private ClassifierTraining() {}

  /** Trains and writes the model; returns the number of training texts. */
  public static int train(Path output, List<Path> files, int maxTextChars) throws Exception {
    return train(output, files, CoreNlpSentimentAnalyzer.load(maxTextChars));
  }

  static int train(Path output, List<Path> files, CoreNlpSentimentAnalyzer coreNlp) throws Exception {
    SocialSentimentAnalyzer english = new SocialSentimentAnalyzer(coreNlp, SentimentLexicon.load(),
        TriageCues.load("en"), CombinationSettings.load("en"), null);
    Path rows = Files.createTempFile("webcare-classifier", ".tsv");
    int n = 0;
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try (BufferedWriter out = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
      for (Path file : files) {
        List<Future<String>> jobs = new ArrayList<>();
        for (nl.webcare.evaluation.LabelledTexts.Row row : nl.webcare.evaluation.LabelledTexts.read(file, Integer.MAX_VALUE)) {
          jobs.add(pool.submit(() -> row.label() + "\t" + english.evidence(row.text()).featureColumns()));
        }
        for (Future<String> job : jobs) {
          out.write(job.get());
          out.newLine();
          n++;
        }
      }
    } finally {
      pool.shutdown();
    }
    ColumnDataClassifier classifier = new ColumnDataClassifier(settings());
    classifier.trainClassifier(rows.toString());
    classifier.serializeClassifier(output.toString());
    Files.deleteIfExists(rows);
    return n;
  }

  private static Properties settings() {
    return ClasspathResources.properties(SETTINGS);
  }
}
