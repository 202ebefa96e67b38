package nl.webcare.connector;

import nl.webcare.store.RedisGateway;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Each connector's status, kept in Redis so that every process reports the same. */
public final class RedisConnectorStatusStore implements ConnectorStatusStore {
  /** Hash-field prefix of connector-specific figures (reads today, daily budget ...). */
  private static final String FIGURE = "figure.";
  private final RedisGateway redis;

  public RedisConnectorStatusStore(RedisGateway redis) {
    this.redis = redis;
  }

  @Override
  public Future<Void> register(ConnectorDefinition d) {
    String key = redis.keys().connectorStatus(d.name());
    return redis.call(jedis -> {
      jedis.hset(key, Map.of("type", d.type(), "brand", d.brand(), "enabled", Boolean.toString(d.enabled())));
      if (d.url() != null) {
        jedis.hset(key, "url", d.url());
      }
      if (!d.enabled()) {
        jedis.hset(key, "state", ConnectorStatus.State.DISABLED.wire());
      } else {
        jedis.hsetnx(key, "state", ConnectorStatus.State.SCHEDULED.wire());
        if (ConnectorStatus.State.DISABLED.wire().equals(jedis.hget(key, "state"))) {
          jedis.hset(key, "state", ConnectorStatus.State.SCHEDULED.wire());
        }
      }
      return null;
    });
  }


  @Override
  public Future<Void> recordSuccess(String name, Instant at, PollCounts counts, Instant nextPoll,
      PollResult.Pause pause, Map<String, String> figures) {
    String key = redis.keys().connectorStatus(name);
    ConnectorStatus.State state = pause == null ? ConnectorStatus.State.OK : ConnectorStatus.State.PAUSED;
    return redis.call(jedis -> {
      try (var tx = redis.multi(jedis, key)) {
        tx.hset(key, Map.of("state", state.wire(), "lastPollAt", millis(at),
            "lastSuccessAt", millis(at), "consecutiveFailures", "0"));
        if (nextPoll != null) {
          tx.hset(key, "nextPollAt", millis(nextPoll));
        }
        if (pause == null) {
          tx.hdel(key, "note");
        } else {
          tx.hset(key, "note", pause.reason());
        }
        for (Map.Entry<String, String> figure : figures.entrySet()) {
          tx.hset(key, FIGURE + figure.getKey(), figure.getValue());
        }
        tx.hincrBy(key, "itemsSeen", counts.seen());
        tx.hincrBy(key, "itemsNew", counts.appended());
        tx.hincrBy(key, "itemsIrrelevant", counts.irrelevant());
        tx.exec();
      }
      return null;
    });
  }

  @Override
  public Future<Instant> pausedUntil(String name) {
    String key = redis.keys().connectorStatus(name);
    return redis.call(jedis -> {
      List<String> fields = jedis.hmget(key, "state", "nextPollAt");
      if (!ConnectorStatus.State.PAUSED.wire().equals(fields.get(0)) || fields.get(1) == null) {
        return null;
      }
      Instant until = instant(fields.get(1));
      return until.isAfter(Instant.now()) ? until : null;
    });
  }

  @Override
  public Future<Void> recordStopped(String name, Instant at, String error) {
    String key = redis.keys().connectorStatus(name);
    return redis.call(jedis -> {
      try (var tx = redis.multi(jedis, key)) {
        tx.hset(key, Map.of("state", ConnectorStatus.State.STOPPED.wire(), "lastPollAt", millis(at),
            "lastError", error, "lastErrorAt", millis(at),
            "note", "stopped: fix the credentials named in the connector file and restart Webcare"));
        tx.hdel(key, "nextPollAt");
        tx.hincrBy(key, "consecutiveFailures", 1);
        tx.exec();
      }
      return null;
    });
  }

  @Override
  public Future<Void> recordPushed(String name, Instant at, PollCounts counts) {
    return recordSuccess(name, at, counts, null, null, Map.of());
  }

  @Override
  public Future<Void> recordFailure(String name, Instant at, String error, Instant nextPoll) {
    String key = redis.keys().connectorStatus(name);
    return redis.call(jedis -> {
      try (var tx = redis.multi(jedis, key)) {
        tx.hset(key, Map.of("state", ConnectorStatus.State.FAILING.wire(), "lastPollAt", millis(at),
            "lastError", error, "lastErrorAt", millis(at), "nextPollAt", millis(nextPoll)));
        tx.hdel(key, "note");
        tx.hincrBy(key, "consecutiveFailures", 1);
        tx.exec();
      }
      return null;
    });
  }

  @Override
  public Future<List<ConnectorStatus>> all(List<String> names) {
    return redis.call(jedis -> {
      List<ConnectorStatus> statuses = new ArrayList<>();
      for (String name : names) {
        statuses.add(fromFields(name, jedis.hgetAll(redis.keys().connectorStatus(name))));
      }
      return statuses;
    });
  }

  private static ConnectorStatus fromFields(String name, Map<String, String> f) {
    String state = f.getOrDefault("state", ConnectorStatus.State.SCHEDULED.wire());
    return new ConnectorStatus(name, f.get("type"), f.get("brand"), f.get("url"),
        Boolean.parseBoolean(f.getOrDefault("enabled", "true")),
        ConnectorStatus.State.valueOf(state.toUpperCase()), instant(f.get("lastPollAt")),
        instant(f.get("lastSuccessAt")), f.get("lastError"), instant(f.get("lastErrorAt")),
        Integer.parseInt(f.getOrDefault("consecutiveFailures", "0")), Long.parseLong(f.getOrDefault("itemsSeen", "0")),
        Long.parseLong(f.getOrDefault("itemsNew", "0")), Long.parseLong(f.getOrDefault("itemsIrrelevant", "0")),
        instant(f.get("nextPollAt")), f.get("note"), figures(f));
  }

  private static Map<String, String> figures(Map<String, String> fields) {
    Map<String, String> figures = new TreeMap<>();
    fields.forEach((key, value) -> {
      if (key.startsWith(FIGURE)) {
        figures.put(key.substring(FIGURE.length()), value);
      }
    });
    return figures;
  }

  private static String millis(Instant at) {
    return Long.toString(at.toEpochMilli());
  }

  private static Instant instant(String millis) {
    return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
  }
}
