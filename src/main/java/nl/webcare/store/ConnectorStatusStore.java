package nl.webcare.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorStatus;

/** Each connector's status, kept in Redis so that every process reports the same. */
public final class ConnectorStatusStore {
  private final RedisGateway redis;

  public ConnectorStatusStore(RedisGateway redis) {
    this.redis = redis;
  }

  /** Writes the definition's fields; a connector polled before keeps its counters and history. */
  public Future<Void> register(ConnectorDefinition d) {
    String key = redis.keys().connectorStatus(d.name());
    return redis.call(jedis -> {
      jedis.hset(key, Map.of("type", d.type(), "brand", d.brand(), "url", d.url(),
          "enabled", Boolean.toString(d.enabled())));
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

  public Future<Void> recordSuccess(String name, Instant at, int seen, int appended, Instant nextPoll) {
    String key = redis.keys().connectorStatus(name);
    return redis.call(jedis -> {
      try (var tx = jedis.multi()) {
        tx.hset(key, Map.of("state", ConnectorStatus.State.OK.wire(), "lastPollAt", millis(at),
            "lastSuccessAt", millis(at), "nextPollAt", millis(nextPoll), "consecutiveFailures", "0"));
        tx.hincrBy(key, "itemsSeen", seen);
        tx.hincrBy(key, "itemsNew", appended);
        tx.exec();
      }
      return null;
    });
  }

  public Future<Void> recordFailure(String name, Instant at, String error, Instant nextPoll) {
    String key = redis.keys().connectorStatus(name);
    return redis.call(jedis -> {
      try (var tx = jedis.multi()) {
        tx.hset(key, Map.of("state", ConnectorStatus.State.FAILING.wire(), "lastPollAt", millis(at),
            "lastError", error, "lastErrorAt", millis(at), "nextPollAt", millis(nextPoll)));
        tx.hincrBy(key, "consecutiveFailures", 1);
        tx.exec();
      }
      return null;
    });
  }

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
        Long.parseLong(f.getOrDefault("itemsNew", "0")), instant(f.get("nextPollAt")));
  }

  private static String millis(Instant at) {
    return Long.toString(at.toEpochMilli());
  }

  private static Instant instant(String millis) {
    return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
  }
}
