package nl.webcare.learning;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The learned layer: an L2-regularised logistic regression (LIBLINEAR, BSD) over {@link TriageFeatures}, for one
 * task (needs-reply or sentiment) and language. LIBLINEAR because it trains a linear model on a hundred thousand
 * sparse columns in seconds, scores in microseconds, and is deterministic once its random source is reset; CoreNLP's
 * ColumnDataClassifier does the same job but wants its own column format and keeps every feature name in memory.
 * The model file starts with one JSON line that says what it learned from (origin, size, date), then LIBLINEAR's own
 * text format.
 */
public final class LearnedTriage {
  /** What a model is and what it learned from. */
  public record About(String task, String language, String origin, int examples, String trainedAt, List<String> labels) {}

  /** A text's features and its label. */
  public record Example(Feature[] features, String label) {}

  private final Model model;
  private final About about;

  private LearnedTriage(Model model, About about) {
    this.model = model;
    this.about = about;
  }

  public About about() {
    return about;
  }

  /**
   * Trains on the examples (their labels in {@code labels}' order); deterministic: the same examples give the same
   * model. {@code c} is the inverse of the regularisation strength.
   */
  public static LearnedTriage train(List<Example> examples, List<String> labels, String task, String language,
      String origin, double c) {
    Problem problem = new Problem();
    problem.l = examples.size();
    problem.n = TriageFeatures.columns();
    problem.x = new Feature[examples.size()][];
    problem.y = new double[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      problem.x[i] = examples.get(i).features();
      int label = labels.indexOf(examples.get(i).label());
      if (label < 0) {
        throw new IllegalArgumentException("label " + examples.get(i).label() + " is not one of " + labels);
      }
      problem.y[i] = label;
    }
    Linear.disableDebugOutput();
    Linear.resetRandom();
    Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, c, 0.001));
    return new LearnedTriage(model, new About(task, language, origin, examples.size(), Instant.now().toString(),
        List.copyOf(labels)));
  }

  /** The probability of each label, in {@link About#labels()} order. */
  public double[] probabilities(Feature[] features) {
    double[] byModelOrder = new double[model.getNrClass()];
    Linear.predictProbability(model, features, byModelOrder);
    double[] out = new double[about.labels().size()];
    int[] modelLabels = model.getLabels();
    for (int i = 0; i < modelLabels.length; i++) {
      out[modelLabels[i]] = byModelOrder[i];
    }
    return out;
  }

  /** The most probable label. */
  public String predict(Feature[] features) {
    double[] p = probabilities(features);
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      best = p[i] > p[best] ? i : best;
    }
    return about.labels().get(best);
  }

  public void write(Path file) throws IOException {
    StringWriter body = new StringWriter();
    model.save(body);
    JsonObject header = new JsonObject().put("task", about.task()).put("language", about.language())
        .put("origin", about.origin()).put("examples", about.examples()).put("trainedAt", about.trainedAt())
        .put("labels", new JsonArray(about.labels())).put("features", "hashed word 1-2-grams, char 2-5-grams ("
            + TriageFeatures.DIMENSIONS + " columns) and the rules' evidence");
    Files.writeString(file, header.encode() + "\n" + body, StandardCharsets.UTF_8);
  }

  public static LearnedTriage read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonObject header = new JsonObject(in.readLine());
      StringBuilder rest = new StringBuilder();
      char[] buffer = new char[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        rest.append(buffer, 0, n);
      }
      try (Reader body = new StringReader(rest.toString())) {
        return new LearnedTriage(Model.load(body), new About(header.getString("task"), header.getString("language"),
            header.getString("origin"), header.getInteger("examples"), header.getString("trainedAt"),
            header.getJsonArray("labels").stream().map(String::valueOf).toList()));
      }
    }
  }
}
