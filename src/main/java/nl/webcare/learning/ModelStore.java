package nl.webcare.learning;

import io.vertx.core.Future;
import java.util.List;

/** Trained models per group, each version kept with its figures, one of them current. Futures fail when the store cannot be reached. */
public interface ModelStore {
  /** Keeps a trained model; makes it the current one when {@code promote}. */
  Future<ModelVersion> save(String group, LearnedTriage model, int heldBack, double score, Double scoreOfCurrent,
      boolean promote);

  /** Every version of every group, newest first. */
  Future<List<ModelVersion>> list();

  /** The current version id per group. */
  Future<java.util.Map<String, String>> current();

  /** The model of a version, or null. */
  Future<LearnedTriage> load(String versionId);

  /** Makes a version the current one of its group (a rollback is this with an older one); false when there is none. */
  Future<Boolean> promote(String versionId);

  /** Takes the training lease of a group for {@code ttl}: true when this process may train it now. */
  Future<Boolean> lease(String group, String holder, java.time.Duration ttl);

  /** How many labels the group had when it was last trained (0 before its first training). */
  Future<Long> labelsAtTraining(String group);

  /** Notes that the group was trained on {@code labels} labels. */
  Future<Void> trained(String group, long labels);
}
