package nl.webcare.bench;

import nl.webcare.evaluation.LabelledTexts;
import nl.webcare.evaluation.ClassificationReport;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.sentiment.SentimentAnalyzer;

/**
 * {@code bench-sentiment FILE.tsv [--count N]}: in one run, scores the same texts with a plain
 * single-threaded CoreNLP sentiment pipeline (tokenize, ssplit, pos, parse, sentiment; the label is the
 * mean of the sentence classes) and with Webcare's analyzer on one worker per core, and prints texts per
 * second and macro-F1 of both. Sentiment only, without Redis: the pipeline benchmark measures the rest.
 */
public final class SentimentSpeedBenchmark {
  private SentimentSpeedBenchmark() {}

  public static JsonObject run(Path file, int count, SentimentAnalyzer webcare) throws Exception {
    List<LabelledTexts.Row> rows = LabelledTexts.read(file, count);
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    StanfordCoreNLP plain = new StanfordCoreNLP(props);
    // Warm both up on the first texts, so that neither pays for class loading in its measurement.
    for (int i = 0; i < Math.min(20, rows.size()); i++) {
      plain.annotate(new Annotation(rows.get(i).text()));
      webcare.analyze(rows.get(i).text());
    }
    long t0 = System.nanoTime();
    List<String> plainLabels = new ArrayList<>();
    for (LabelledTexts.Row row : rows) {
      plainLabels.add(plainLabel(plain, row.text()));
    }
    double plainSeconds = (System.nanoTime() - t0) / 1e9;
    int workers = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<String>> jobs = new ArrayList<>();
    long t1 = System.nanoTime();
    for (LabelledTexts.Row row : rows) {
      jobs.add(pool.submit(() -> {
        SentimentLabel label = webcare.analyze(row.text()).label();
        return label == SentimentLabel.UNSCORED ? "neutral" : label.wire();
      }));
    }
    List<String> webcareLabels = new ArrayList<>();
    for (Future<String> job : jobs) {
      webcareLabels.add(job.get());
    }
    double webcareSeconds = (System.nanoTime() - t1) / 1e9;
    pool.shutdown();
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return new JsonObject()
        .put("n", rows.size())
        .put("plain_docs_per_second", round(rows.size() / plainSeconds))
        .put("plain_macro_f1", round(macroF1(rows, plainLabels)))
        .put("webcare_docs_per_second", round(rows.size() / webcareSeconds))
        .put("webcare_macro_f1", round(macroF1(rows, webcareLabels)))
        .put("webcare_workers", workers)
        .put("speedup", round(plainSeconds / webcareSeconds))
        .put("heap_used_mb_after_gc", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
  }

  private static String plainLabel(StanfordCoreNLP plain, String text) {
    Annotation document = new Annotation(text);
    plain.annotate(document);
    double sum = 0;
    int n = 0;
    for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
      Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      sum += RNNCoreAnnotations.getPredictedClass(tree);
      n++;
    }
    long mean = n == 0 ? 2 : Math.round(sum / n);
    return mean <= 1 ? "negative" : mean >= 3 ? "positive" : "neutral";
  }

  private static double macroF1(List<LabelledTexts.Row> rows, List<String> predicted) {
    ClassificationReport report = new ClassificationReport(List.of("negative", "neutral", "positive"));
    for (int i = 0; i < rows.size(); i++) {
      report.add(rows.get(i).label(), predicted.get(i));
    }
    return report.macroF1();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
