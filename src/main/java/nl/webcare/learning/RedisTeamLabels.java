package nl.webcare.learning;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;

/**
 * Team labels in Redis: a hash per mention and task (expiring with the mentions' retention: it holds their text),
 * an index per brand, language and task of the labelled mentions by time (what a retraining reads), and counts per
 * value of the labels recorded (a changed label moves its count; an erased one is taken off).
 */
public final class RedisTeamLabels implements TeamLabels {
  private final RedisGateway redis;
  private final RedisKeys keys;
  private final Duration retention;

  public RedisTeamLabels(RedisGateway redis, Duration retention) {
    this.redis = redis;
    this.keys = redis.keys();
    this.retention = retention;
  }

  @Override
  public Future<Void> record(TeamLabel label) {
    String brand = label.brand() == null ? "unknown" : label.brand();
    String language = label.language() == null ? "und" : label.language();
    String group = brand + "|" + language + "|" + label.task().wire();
    return redis.call(jedis -> {
      String key = keys.teamLabel(label.mentionId(), label.task().wire());
      String before = jedis.hget(key, "value");
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("mentionId", label.mentionId());
      fields.put("task", label.task().wire());
      fields.put("value", label.value());
      fields.put("text", label.text() == null ? "" : label.text());
      fields.put("language", language);
      fields.put("brand", brand);
      fields.put("source", label.source());
      fields.put("by", label.by());
      fields.put("at", Long.toString(label.at().toEpochMilli()));
      try (var tx = redis.multi(jedis, key)) {
        tx.hset(key, fields);
        tx.pexpire(key, retention.toMillis());
        // the index a retraining reads, oldest dropped with the retention
        tx.zadd(keys.teamLabelIndex(group), label.at().toEpochMilli(), label.mentionId());
        tx.zremrangeByScore(keys.teamLabelIndex(group), Double.NEGATIVE_INFINITY,
            label.at().minus(retention).toEpochMilli());
        if (before == null || !before.equals(label.value())) {
          if (before != null) {
            tx.hincrBy(keys.teamLabelCounts(), group + "|" + before, -1);
          }
          tx.hincrBy(keys.teamLabelCounts(), group + "|" + label.value(), 1);
        }
        tx.exec();
      }
      return null;
    });
  }

  @Override
  public Future<Map<String, Map<String, Long>>> counts() {
    return redis.call(jedis -> {
      Map<String, Map<String, Long>> out = new TreeMap<>();
      jedis.hgetAll(keys.teamLabelCounts()).forEach((field, count) -> {
        int cut = field.lastIndexOf('|');
        long n = Long.parseLong(count);
        if (n > 0) {
          out.computeIfAbsent(field.substring(0, cut), k -> new TreeMap<>()).put(field.substring(cut + 1), n);
        }
      });
      return out;
    });
  }

  @Override
  public Future<java.util.List<TeamLabel>> of(String group, int limit) {
    String task = group.substring(group.lastIndexOf('|') + 1);
    return redis.call(jedis -> {
      java.util.List<TeamLabel> out = new java.util.ArrayList<>();
      for (String mentionId : jedis.zrevrange(keys.teamLabelIndex(group), 0, limit - 1)) {
        Map<String, String> f = jedis.hgetAll(keys.teamLabel(mentionId, task));
        if (!f.isEmpty()) {
          out.add(new TeamLabel(mentionId, TeamLabel.Task.fromWire(task), f.get("value"), f.get("text"),
              f.get("language"), f.get("brand"), f.get("source"), f.get("by"),
              Instant.ofEpochMilli(Long.parseLong(f.get("at")))));
        }
      }
      return out;
    });
  }

  @Override
  public Future<TeamLabel> find(String mentionId, TeamLabel.Task task) {
    return redis.call(jedis -> {
      Map<String, String> f = jedis.hgetAll(keys.teamLabel(mentionId, task.wire()));
      return f.isEmpty() ? null : new TeamLabel(mentionId, task, f.get("value"), f.get("text"), f.get("language"),
          f.get("brand"), f.get("source"), f.get("by"), Instant.ofEpochMilli(Long.parseLong(f.get("at"))));
    });
  }
}
