package nl.webcare.learning;

import de.bwaldvogel.liblinear.Feature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.webcare.evaluation.ClassificationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns from the team: for every brand, language and task with enough new labels since its last training, one
 * process (by lease) trains a model on the labels but a held-back fifth, measures it and the current model on that
 * fifth, and promotes it only when it does better (or when there is none). Every version is kept with its figures.
 */
public final class Retraining {
  private static final Logger LOG = LoggerFactory.getLogger(Retraining.class);
  /** Labels read per group at most (the newest). */
  private static final int MAX_LABELS = 20_000;

  /**
   * @param minNewLabels labels that must have come since the last training
   * @param lease        how long one process holds a group's training
   */
  public record Settings(int minNewLabels, Duration lease) {}

  private final Vertx vertx;
  private final TeamLabels labels;
  private final ModelStore models;
  private final Function<String, Future<Feature[]>> features;
  private final Settings settings;
  private final String instance;

  /** @param features what a text looks like to a model (the service's scorer and the rules' evidence) */
  public Retraining(Vertx vertx, TeamLabels labels, ModelStore models, Function<String, Future<Feature[]>> features,
      Settings settings, String instance) {
    this.vertx = vertx;
    this.labels = labels;
    this.models = models;
    this.features = features;
    this.settings = settings;
    this.instance = instance;
  }

  /** One round over every group; the versions trained in it. */
  public Future<List<ModelVersion>> round() {
    List<ModelVersion> trained = new ArrayList<>();
    return labels.counts().compose(counts -> {
      Future<Void> chain = Future.succeededFuture();
      for (Map.Entry<String, Map<String, Long>> group : counts.entrySet()) {
        long total = group.getValue().values().stream().mapToLong(Long::longValue).sum();
        chain = chain.compose(v -> maybe(group.getKey(), total, group.getValue().size()).map(m -> {
          if (m != null) {
            trained.add(m);
          }
          return null;
        }));
      }
      return chain.map(trained);
    });
  }

  private Future<ModelVersion> maybe(String group, long total, int values) {
    if (values < 2) {
      return Future.succeededFuture(); // one value only: nothing to tell apart
    }
    return models.labelsAtTraining(group).compose(before -> total - before < settings.minNewLabels()
        ? Future.succeededFuture()
        : models.lease(group, instance, settings.lease()).compose(held -> held ? train(group, total)
            : Future.succeededFuture()));
  }

  private Future<ModelVersion> train(String group, long total) {
    String task = group.substring(group.lastIndexOf('|') + 1);
    List<String> classes = "needs-reply".equals(task) ? List.of("yes", "no") : List.of("negative", "neutral", "positive");
    return labels.of(group, MAX_LABELS).compose(found -> {
      List<Future<Feature[]>> all = found.stream().map(l -> features.apply(l.text())).toList();
      return Future.all(all).map(done -> {
        List<LearnedTriage.Example> train = new ArrayList<>();
        List<LearnedTriage.Example> held = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
          LearnedTriage.Example e = new LearnedTriage.Example(all.get(i).result(), found.get(i).value());
          (heldBack(found.get(i).mentionId()) ? held : train).add(e);
        }
        return List.of(train, held);
      });
    }).compose(split -> models.current().compose(current -> {
      String currentId = current.get(group);
      return (currentId == null ? Future.<LearnedTriage>succeededFuture() : models.load(currentId))
          .compose(old -> vertx.executeBlocking(() -> {
            LearnedTriage fresh = LearnedTriage.train(split.get(0), classes, task, group.split("\\|")[1],
                "the team's labels of " + group, 4.0);
            double score = score(fresh, split.get(1), task, classes);
            Double before = old == null ? null : score(old, split.get(1), task, classes);
            return new Object[] {fresh, score, before};
          }, false))
          .compose(result -> {
            LearnedTriage fresh = (LearnedTriage) result[0];
            double score = (double) result[1];
            Double before = (Double) result[2];
            boolean promote = before == null || score > before;
            LOG.info("model of {} trained on {} labels: {} {} on {} held back (current: {}){}", group,
                split.get(0).size(), "needs-reply".equals(task) ? "F1" : "macro-F1", round(score), split.get(1).size(),
                before == null ? "none" : round(before), promote ? ", promoted" : ", kept aside");
            return models.save(group, fresh, split.get(1).size(), score, before, promote);
          });
    })).compose(version -> models.trained(group, total).map(version));
  }

  /** A fifth of the labels, picked by mention id the same way every time, is never trained on. */
  static boolean heldBack(String mentionId) {
    return Math.floorMod(mentionId.hashCode(), 5) == 0;
  }

  /** F1 of "needs a reply", or macro-F1 of the sentiment labels; 0 without held-back labels. */
  static double score(LearnedTriage model, List<LearnedTriage.Example> held, String task, List<String> classes) {
    if (held.isEmpty()) {
      return 0;
    }
    ClassificationReport report = new ClassificationReport(classes);
    held.forEach(e -> report.add(e.label(), model.predict(e.features())));
    return "needs-reply".equals(task) ? report.f1("yes") : report.macroF1();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
