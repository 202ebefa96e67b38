package nl.webcare.learning;

import io.vertx.core.Future;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import redis.clients.jedis.params.SetParams;

/**
 * Models in Redis, so that every process sees the same ones: a hash per version with its figures and the model
 * gzipped (a model is a million weights, mostly zero: about a hundred kilobytes packed), an index of versions, and
 * the current version per group. Versions stay until removed by hand: a rollback needs the old ones.
 */
public final class RedisModelStore implements ModelStore {
  private final RedisGateway redis;
  private final RedisKeys keys;

  public RedisModelStore(RedisGateway redis) {
    this.redis = redis;
    this.keys = redis.keys();
  }

  @Override
  public Future<ModelVersion> save(String group, LearnedTriage model, int heldBack, double score,
      Double scoreOfCurrent, boolean promote) {
    String id = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Instant at = Instant.now();
    return redis.call(jedis -> {
      byte[] packed = pack(model); // megabytes written and packed: on the worker, never the event loop
      Map<String, String> f = new HashMap<>(Map.of("group", group, "trainedAt", Long.toString(at.toEpochMilli()),
          "examples", Integer.toString(model.about().examples()), "heldBack", Integer.toString(heldBack),
          "score", Double.toString(score), "promoted", promote ? "1" : "0"));
      if (scoreOfCurrent != null) {
        f.put("scoreOfCurrent", Double.toString(scoreOfCurrent));
      }
      try (var tx = redis.multi(jedis, keys.modelVersions())) {
        tx.hset(keys.model(id), f);
        tx.hset(keys.model(id).getBytes(StandardCharsets.UTF_8), "data".getBytes(StandardCharsets.UTF_8), packed);
        tx.zadd(keys.modelVersions(), at.toEpochMilli(), id);
        if (promote) {
          tx.hset(keys.currentModels(), group, id);
        }
        tx.exec();
      }
      return new ModelVersion(id, group, at, model.about().examples(), heldBack, score, scoreOfCurrent, promote, promote);
    });
  }

  @Override
  public Future<List<ModelVersion>> list() {
    return redis.call(jedis -> {
      Map<String, String> current = jedis.hgetAll(keys.currentModels());
      List<ModelVersion> out = new ArrayList<>();
      for (String id : jedis.zrevrange(keys.modelVersions(), 0, 499)) {
        Map<String, String> f = jedis.hgetAll(keys.model(id));
        if (f.isEmpty()) {
          continue;
        }
        out.add(new ModelVersion(id, f.get("group"), Instant.ofEpochMilli(Long.parseLong(f.get("trainedAt"))),
            Integer.parseInt(f.get("examples")), Integer.parseInt(f.get("heldBack")), Double.parseDouble(f.get("score")),
            f.get("scoreOfCurrent") == null ? null : Double.valueOf(f.get("scoreOfCurrent")), "1".equals(f.get("promoted")),
            id.equals(current.get(f.get("group")))));
      }
      return out;
    });
  }

  @Override
  public Future<Map<String, String>> current() {
    return redis.call(jedis -> jedis.hgetAll(keys.currentModels()));
  }

  @Override
  public Future<LearnedTriage> load(String versionId) {
    return redis.call(jedis -> {
      byte[] data = jedis.hget(keys.model(versionId).getBytes(StandardCharsets.UTF_8),
          "data".getBytes(StandardCharsets.UTF_8));
      return data == null ? null : unpack(data);
    });
  }

  @Override
  public Future<Boolean> promote(String versionId) {
    return redis.call(jedis -> {
      String group = jedis.hget(keys.model(versionId), "group");
      if (group == null) {
        return false;
      }
      jedis.hset(keys.currentModels(), group, versionId);
      return true;
    });
  }

  @Override
  public Future<Boolean> lease(String group, String holder, java.time.Duration ttl) {
    return redis.call(jedis -> "OK".equals(jedis.set(keys.trainingLease(group), holder,
        SetParams.setParams().nx().px(ttl.toMillis()))));
  }

  @Override
  public Future<Long> labelsAtTraining(String group) {
    return redis.call(jedis -> {
      String n = jedis.hget(keys.labelsAtTraining(), group);
      return n == null ? 0L : Long.parseLong(n);
    });
  }

  @Override
  public Future<Void> trained(String group, long labels) {
    return redis.call(jedis -> {
      jedis.hset(keys.labelsAtTraining(), group, Long.toString(labels));
      return null;
    });
  }

  private static byte[] pack(LearnedTriage model) {
    try {
      Path file = Files.createTempFile("webcare-model", ".txt");
      try {
        model.write(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
          Files.copy(file, gz);
        }
        return out.toByteArray();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LearnedTriage unpack(byte[] data) {
    try {
      Path file = Files.createTempFile("webcare-model", ".txt");
      try {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
          Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return LearnedTriage.read(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
