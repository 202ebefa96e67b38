package nl.webcare.connector;

import nl.webcare.store.RedisGateway;
import io.vertx.core.Future;
import java.util.Map;

/** Where each connector resumes: a small hash per connector (ETag, Last-Modified, since-id ...). */
public final class ConnectorCursorStore {
  private final RedisGateway redis;

  public ConnectorCursorStore(RedisGateway redis) {
    this.redis = redis;
  }

  public Future<Map<String, String>> load(String connector) {
    return redis.call(jedis -> jedis.hgetAll(redis.keys().connectorCursor(connector)));
  }

  /** Replaces the cursor; call only after the mentions it covers are in the inbox. */
  public Future<Void> save(String connector, Map<String, String> cursor) {
    String key = redis.keys().connectorCursor(connector);
    return redis.call(jedis -> {
      try (var tx = redis.multi(jedis, key)) {
        tx.del(key);
        if (!cursor.isEmpty()) {
          tx.hset(key, cursor);
        }
        tx.exec();
      }
      return null;
    });
  }
}
