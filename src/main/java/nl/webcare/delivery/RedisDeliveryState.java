package nl.webcare.delivery;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.webcare.store.LuaScript;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;

/** {@link DeliveryState} in Redis: a string cursor, a retry hash, a redelivery list and a capped log list. */
public final class RedisDeliveryState implements DeliveryState {
  /** {@code advance_cursor.lua}: logs a delivery, moves the cursor forward only and drops the retry state. */
  public static final LuaScript ADVANCE = LuaScript.load("advance_cursor");
  private static final int MAX_REDELIVERIES = 100;
  private final RedisGateway redis;
  private final RedisKeys keys;

  public RedisDeliveryState(RedisGateway redis) {
    this.redis = redis;
    this.keys = redis.keys();
  }

  @Override
  public Future<String> cursor(String subscriptionId) {
    return redis.call(jedis -> {
      String cursor = jedis.get(keys.subscriptionCursor(subscriptionId));
      return cursor == null ? "0-0" : cursor;
    });
  }

  @Override
  public Future<Void> advance(String subscriptionId, String alertId) {
    return settle(subscriptionId, alertId, null);
  }

  @Override
  public Future<Void> delivered(String subscriptionId, DeliveryAttempt attempt) {
    return settle(subscriptionId, attempt.alertId(), attempt);
  }

  private Future<Void> settle(String subscriptionId, String alertId, DeliveryAttempt attempt) {
    return redis.call(jedis -> {
      redis.evalScript(jedis, ADVANCE, List.of(keys.subscriptionCursor(subscriptionId),
          keys.subscriptionRetry(subscriptionId), keys.subscription(subscriptionId),
          keys.subscriptionDeliveries(subscriptionId)), List.of(alertId == null ? "" : alertId,
          attempt == null ? "" : attempt.toJson().encode(), Integer.toString(LOG_LENGTH)));
      return null;
    });
  }

  @Override
  public Future<Void> failed(String subscriptionId, Retry retry, DeliveryAttempt attempt) {
    return redis.call(jedis -> {
      String log = keys.subscriptionDeliveries(subscriptionId);
      try (var tx = redis.multi(jedis, keys.subscriptionRetry(subscriptionId))) {
        tx.hset(keys.subscriptionRetry(subscriptionId), retryFields(retry));
        tx.lpush(log, attempt.toJson().encode());
        tx.ltrim(log, 0, LOG_LENGTH - 1);
        tx.exec();
      }
      return null;
    });
  }

  @Override
  public Future<Retry> retry(String subscriptionId) {
    return redis.call(jedis -> {
      Map<String, String> f = jedis.hgetAll(keys.subscriptionRetry(subscriptionId));
      if (f.isEmpty()) {
        return null;
      }
      return new Retry(f.get("alertId"), Integer.parseInt(f.get("attempts")),
          Instant.ofEpochMilli(Long.parseLong(f.get("firstFailedAt"))),
          Instant.ofEpochMilli(Long.parseLong(f.get("nextAt"))), f.get("lastError"));
    });
  }

  private static Map<String, String> retryFields(Retry retry) {
    return Map.of("alertId", retry.alertId(), "attempts", Integer.toString(retry.attempts()),
        "firstFailedAt", Long.toString(retry.firstFailedAt().toEpochMilli()),
        "nextAt", Long.toString(retry.nextAt().toEpochMilli()),
        "lastError", retry.lastError() == null ? "" : retry.lastError());
  }

  @Override
  public Future<Void> log(String subscriptionId, DeliveryAttempt attempt) {
    return redis.call(jedis -> {
      String key = keys.subscriptionDeliveries(subscriptionId);
      try (var tx = redis.multi(jedis, key)) {
        tx.lpush(key, attempt.toJson().encode());
        tx.ltrim(key, 0, LOG_LENGTH - 1);
        tx.exec();
      }
      return null;
    });
  }

  @Override
  public Future<List<DeliveryAttempt>> deliveries(String subscriptionId, int limit) {
    return redis.call(jedis -> jedis.lrange(keys.subscriptionDeliveries(subscriptionId), 0, limit - 1).stream()
        .map(line -> DeliveryAttempt.fromJson(new JsonObject(line))).toList());
  }

  @Override
  public Future<Void> queueRedelivery(String subscriptionId, String alertId) {
    return redis.call(jedis -> {
      String key = keys.subscriptionRedeliveries(subscriptionId);
      if (jedis.llen(key) >= MAX_REDELIVERIES) {
        throw new IllegalStateException(MAX_REDELIVERIES + " alerts already wait to be sent again");
      }
      jedis.rpush(key, alertId);
      return null;
    });
  }

  @Override
  public Future<String> nextRedelivery(String subscriptionId) {
    return redis.call(jedis -> jedis.lindex(keys.subscriptionRedeliveries(subscriptionId), 0));
  }

  @Override
  public Future<Void> dropRedelivery(String subscriptionId, String alertId) {
    return redis.call(jedis -> {
      jedis.lrem(keys.subscriptionRedeliveries(subscriptionId), 1, alertId);
      return null;
    });
  }
}
