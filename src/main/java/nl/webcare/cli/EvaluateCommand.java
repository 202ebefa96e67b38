package nl.webcare.cli;

import nl.webcare.evaluation.ClassificationReport;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.webcare.evaluation.LabelledTexts;
import nl.webcare.mention.Mention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.TriageClass;
import nl.webcare.triage.MentionAssessor;

/**
 * {@code evaluate FILE.tsv [--json] [--task sentiment|needs-reply] [--limit N] [--workers N]}: runs the
 * service's own assessment over a labelled file and prints how well it did, and how fast.
 */
final class EvaluateCommand {
  static final List<String> SENTIMENT_CLASSES = List.of("negative", "neutral", "positive");
  static final List<String> NEEDS_REPLY_CLASSES = List.of("complaint", "not_complaint");

  private final MentionAssessor assessor;

  EvaluateCommand(MentionAssessor assessor) {
    this.assessor = assessor;
  }

  /** @param model a learned layer that decides beside the rules (null: the rules alone) */
  record Options(Path file, boolean json, boolean needsReply, int limit, int workers,
      nl.webcare.learning.LearnedTriage model, nl.webcare.learning.Halves half) {
    Options(Path file, boolean json, boolean needsReply, int limit, int workers) {
      this(file, json, needsReply, limit, workers, null, nl.webcare.learning.Halves.ALL);
    }
  }

  String run(Options options) throws Exception {
    List<LabelledTexts.Row> rows = LabelledTexts.read(options.file(), options.limit()).stream()
        .filter(r -> options.half().holds(r.id())).toList();
    List<String> classes = options.needsReply() ? NEEDS_REPLY_CLASSES : SENTIMENT_CLASSES;
    ClassificationReport report = new ClassificationReport(classes);
    NeedsReplyBreakdown breakdown = new NeedsReplyBreakdown();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(options.workers());
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        LabelledTexts.Row row = rows.get(i);
        String externalId = row.id() + "#" + i;
        jobs.add(pool.submit(() -> {
          Prediction p = predict(row, externalId, options);
          report.add(row.label(), p.label());
          if (options.needsReply()) {
            breakdown.add(row.label(), row.text(), p.label().equals("complaint"), p.triageClass());
          }
        }));
      }
      for (Future<?> job : jobs) {
        job.get();
      }
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double perSecond = ClassificationReport.round(rows.size() / seconds);
    return options.needsReply() ? needsReplyReport(options, report, breakdown, perSecond) : sentimentReport(options, report, perSecond);
  }

  /** A predicted label, and the triage class the rules gave (what kind of case it would open). */
  private record Prediction(String label, TriageClass triageClass) {}

  private Prediction predict(LabelledTexts.Row row, String externalId, Options options) {
    boolean needsReply = options.needsReply();
    Mention mention = Mention.ofText("evaluate", externalId, row.text());
    MentionAssessor.Assessment assessment = assessor.assess(mention);
    TriageClass triageClass = assessment.decision().triageClass();
    if (options.model() != null && options.model().about().task().equals(needsReply ? "needs-reply" : "sentiment")) {
      return new Prediction(options.model().predict(nl.webcare.learning.TriageFeatures.of(row.text(), assessment)),
          triageClass);
    }
    if (needsReply) {
      return new Prediction(assessment.decision().needsReply() ? "complaint" : "not_complaint", triageClass);
    }
    SentimentLabel label = assessment.scored().sentiment().label();
    // An unscored text (a language Webcare does not score) counts as a neutral prediction.
    return new Prediction(label == SentimentLabel.UNSCORED ? "neutral" : label.wire(), triageClass);
  }

  private static String sentimentReport(Options options, ClassificationReport report, double perSecond) {
    JsonObject json = report.toJson()
        .put("negative_precision", ClassificationReport.round(report.precision("negative")))
        .put("negative_recall", ClassificationReport.round(report.recall("negative")))
        .put("docs_per_second", perSecond)
        .put("workers", options.workers())
        .put("file", options.file().toString());
    if (options.json()) {
      return json.encode();
    }
    return "file " + options.file() + " (" + report.n() + " texts)\n\n" + report.toText()
        + String.format(Locale.ROOT, "negative class: precision %.3f recall %.3f%n%.1f texts per second on %d workers%n",
            report.precision("negative"), report.recall("negative"), perSecond, options.workers());
  }

  private static String needsReplyReport(Options options, ClassificationReport report, NeedsReplyBreakdown breakdown,
      double perSecond) {
    JsonObject json = new JsonObject()
        .put("n", report.n())
        .put("precision", ClassificationReport.round(report.precision("complaint")))
        .put("recall", ClassificationReport.round(report.recall("complaint")))
        .put("f1", ClassificationReport.round(report.f1("complaint")))
        .put("docs_per_second", perSecond)
        .put("workers", options.workers())
        .put("confusion", report.toJson().getJsonObject("confusion"))
        .mergeIn(breakdown.toJson())
        .put("file", options.file().toString());
    if (options.json()) {
      return json.encode();
    }
    return "file " + options.file() + " (" + report.n() + " texts), task needs-reply\n\n" + report.toText()
        + String.format(Locale.ROOT, "needs reply: precision %.3f recall %.3f f1 %.3f%n%.1f texts per second on %d workers%n",
            report.precision("complaint"), report.recall("complaint"), report.f1("complaint"), perSecond,
            options.workers())
        + breakdown.toText();
  }
}
