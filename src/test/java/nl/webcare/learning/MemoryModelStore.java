package nl.webcare.learning;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Versions and leases in memory, as RedisModelStore keeps them. */
final class MemoryModelStore implements ModelStore {
  private final Map<String, ModelVersion> versions = new LinkedHashMap<>();
  private final Map<String, LearnedTriage> models = new HashMap<>();
  private final Map<String, String> current = new HashMap<>();
  private final Map<String, String> leases = new HashMap<>();
  private final Map<String, Long> trainedOn = new HashMap<>();

  @Override
  public Future<ModelVersion> save(String group, LearnedTriage model, int heldBack, double score,
      Double scoreOfCurrent, boolean promote) {
    String id = group + "#" + (versions.size() + 1);
    ModelVersion v = new ModelVersion(id, group, Instant.now(), model.about().examples(), heldBack, score,
        scoreOfCurrent, promote, promote);
    versions.put(id, v);
    models.put(id, model);
    if (promote) {
      current.put(group, id);
    }
    return Future.succeededFuture(v);
  }

  @Override
  public Future<List<ModelVersion>> list() {
    List<ModelVersion> newestFirst = new ArrayList<>(versions.values());
    java.util.Collections.reverse(newestFirst);
    return Future.succeededFuture(newestFirst);
  }

  @Override
  public Future<Map<String, String>> current() {
    return Future.succeededFuture(Map.copyOf(current));
  }

  @Override
  public Future<LearnedTriage> load(String versionId) {
    return Future.succeededFuture(models.get(versionId));
  }

  @Override
  public Future<Boolean> promote(String versionId) {
    ModelVersion v = versions.get(versionId);
    if (v != null) {
      current.put(v.group(), versionId);
    }
    return Future.succeededFuture(v != null);
  }

  @Override
  public Future<Boolean> lease(String group, String holder, Duration ttl) {
    return Future.succeededFuture(holder.equals(leases.computeIfAbsent(group, g -> holder)));
  }

  @Override
  public Future<Long> labelsAtTraining(String group) {
    return Future.succeededFuture(trainedOn.getOrDefault(group, 0L));
  }

  @Override
  public Future<Void> trained(String group, long labels) {
    trainedOn.put(group, labels);
    return Future.succeededFuture();
  }
}
