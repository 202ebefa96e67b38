package nl.webcare.alerts;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.store.RedisGateway;
import redis.clients.jedis.resps.StreamEntry;

/** The alert feed as the Redis stream {@code alerts}: the stream id is the cursor. */
public final class RedisAlertFeed implements AlertFeed {
  private final RedisGateway redis;

  public RedisAlertFeed(RedisGateway redis) {
    this.redis = redis;
  }

  @Override
  public Future<Page> after(String cursor, int limit) {
    if (cursor != null && !AlertFeed.isCursor(cursor)) {
      return Future.failedFuture(new IllegalArgumentException("after must be a cursor like 1732521600000-0"));
    }
    String start = cursor == null ? "-" : "(" + cursor;
    return redis.call(jedis -> {
      // one more than asked for: whether more follows now
      List<StreamEntry> entries = jedis.xrange(redis.keys().alertStream(), start, "+", limit + 1);
      boolean more = entries.size() > limit;
      entries = more ? entries.subList(0, limit) : entries;
      List<Alert> alerts = new ArrayList<>();
      for (StreamEntry entry : entries) {
        Map<String, String> fields = new HashMap<>(entry.getFields());
        String type = fields.remove("type");
        alerts.add(new Alert(entry.getID().toString(), type, fields));
      }
      String next = alerts.isEmpty() ? cursor : alerts.get(alerts.size() - 1).cursor();
      return new Page(alerts, next, more);
    });
  }
}
