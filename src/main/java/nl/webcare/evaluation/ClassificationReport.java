package nl.webcare.evaluation;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * Confusion matrix and the figures derived from it, for a fixed list of classes. Rows are the gold
 * labels, columns the predictions.
 */
public final class ClassificationReport {
  private final List<String> classes;
  private final long[][] counts;

  public ClassificationReport(List<String> classes) {
    this.classes = List.copyOf(classes);
    this.counts = new long[classes.size()][classes.size()];
  }

  public synchronized void add(String gold, String predicted) {
    int g = classes.indexOf(gold);
    int p = classes.indexOf(predicted);
    if (g < 0 || p < 0) {
      throw new IllegalArgumentException("label outside " + classes + ": gold " + gold + ", predicted " + predicted);
    }
    counts[g][p]++;
  }

  public long n() {
    long n = 0;
    for (long[] row : counts) {
      for (long c : row) {
        n += c;
      }
    }
    return n;
  }

  public double precision(String label) {
    int i = classes.indexOf(label);
    long predicted = 0;
    for (long[] row : counts) {
      predicted += row[i];
    }
    return predicted == 0 ? 0 : (double) counts[i][i] / predicted;
  }

  public double recall(String label) {
    int i = classes.indexOf(label);
    long gold = 0;
    for (long c : counts[i]) {
      gold += c;
    }
    return gold == 0 ? 0 : (double) counts[i][i] / gold;
  }

  public double f1(String label) {
    double p = precision(label);
    double r = recall(label);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public double accuracy() {
    long correct = 0;
    for (int i = 0; i < classes.size(); i++) {
      correct += counts[i][i];
    }
    return n() == 0 ? 0 : (double) correct / n();
  }

  public double macroF1() {
    return classes.stream().mapToDouble(this::f1).average().orElse(0);
  }

  public JsonObject toJson() {
    JsonObject perClass = new JsonObject();
    JsonObject confusion = new JsonObject();
    for (int i = 0; i < classes.size(); i++) {
      String label = classes.get(i);
      perClass.put(label, new JsonObject().put("precision", round(precision(label))).put("recall", round(recall(label)))
          .put("f1", round(f1(label))));
      JsonObject row = new JsonObject();
      for (int j = 0; j < classes.size(); j++) {
        row.put(classes.get(j), counts[i][j]);
      }
      confusion.put(label, row);
    }
    return new JsonObject().put("n", n()).put("accuracy", round(accuracy())).put("macro_f1", round(macroF1()))
        .put("per_class", perClass).put("confusion", confusion);
  }

  public String toText() {
    StringBuilder out = new StringBuilder("confusion matrix (rows: gold, columns: predicted)\n");
    out.append(String.format(Locale.ROOT, "%-14s", ""));
    classes.forEach(c -> out.append(String.format(Locale.ROOT, "%14s", c)));
    out.append('\n');
    for (int i = 0; i < classes.size(); i++) {
      out.append(String.format(Locale.ROOT, "%-14s", classes.get(i)));
      for (int j = 0; j < classes.size(); j++) {
        out.append(String.format(Locale.ROOT, "%14d", counts[i][j]));
      }
      out.append('\n');
    }
    out.append(String.format(Locale.ROOT, "%n%-14s%10s%10s%10s%n", "class", "precision", "recall", "f1"));
    for (String c : classes) {
      out.append(String.format(Locale.ROOT, "%-14s%10.3f%10.3f%10.3f%n", c, precision(c), recall(c), f1(c)));
    }
    out.append(String.format(Locale.ROOT, "%naccuracy %.3f   macro-F1 %.3f%n", accuracy(), macroF1()));
    return out.toString();
  }

  public static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
