package nl.webcare.alerts;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.store.RedisGateway;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/** The alert feed as the Redis stream {@code alerts}: the stream id is the cursor. */
public final class RedisAlertFeed implements AlertFeed {
  private static final int CHUNK = 500;
  private final RedisGateway redis;

  public RedisAlertFeed(RedisGateway redis) {
    this.redis = redis;
  }

  @Override
  public Future<Page> after(String cursor, int limit, AlertFilter filter) {
    if (cursor != null && !AlertFeed.isCursor(cursor)) {
      return Future.failedFuture(new IllegalArgumentException("after must be a cursor like 1732521600000-0"));
    }
    return redis.call(jedis -> page(jedis, cursor, limit, filter));
  }

  private Page page(UnifiedJedis jedis, String cursor, int limit, AlertFilter filter) {
    String stream = redis.keys().alertStream();
    List<Alert> alerts = new ArrayList<>();
    String last = cursor;
    int scanned = 0;
    while (true) {
      // one more than asked for when unfiltered: whether more follows now
      int chunk = filter == AlertFilter.ALL ? limit + 1 : Math.max(CHUNK, limit + 1);
      List<StreamEntry> entries = jedis.xrange(stream, last == null ? "-" : "(" + last, "+", chunk);
      for (StreamEntry entry : entries) {
        Alert alert = alert(entry);
        if (!filter.matches(alert)) {
          last = alert.cursor();
          scanned++;
          continue;
        }
        if (alerts.size() == limit) {
          return new Page(alerts, last, true);
        }
        alerts.add(alert);
        last = alert.cursor();
        scanned++;
      }
      if (entries.size() < chunk) {
        return new Page(alerts, last, false);
      }
      if (scanned >= SCAN_LIMIT) {
        return new Page(alerts, last, true);
      }
    }
  }

  @Override
  public Future<List<Alert>> latest(int limit, AlertFilter filter) {
    return redis.call(jedis -> {
      List<Alert> out = new ArrayList<>();
      String before = "+";
      int scanned = 0;
      while (out.size() < limit && scanned < SCAN_LIMIT) {
        List<StreamEntry> entries = jedis.xrevrange(redis.keys().alertStream(), before, "-", CHUNK);
        for (StreamEntry entry : entries) {
          Alert alert = alert(entry);
          if (filter.matches(alert) && out.size() < limit) {
            out.add(alert);
          }
          before = "(" + alert.cursor();
          scanned++;
        }
        if (entries.size() < CHUNK) {
          break;
        }
      }
      return out;
    });
  }

  @Override
  public Future<String> head() {
    return redis.call(jedis -> {
      List<StreamEntry> newest = jedis.xrevrange(redis.keys().alertStream(), "+", "-", 1);
      return newest.isEmpty() ? null : newest.get(0).getID().toString();
    });
  }

  @Override
  public Future<Alert> get(String cursor) {
    if (!AlertFeed.isCursor(cursor)) {
      return Future.failedFuture(new IllegalArgumentException("not an alert cursor: like 1732521600000-0"));
    }
    return redis.call(jedis -> {
      List<StreamEntry> one = jedis.xrange(redis.keys().alertStream(), cursor, cursor, 1);
      return one.isEmpty() ? null : alert(one.get(0));
    });
  }

  /** A stream entry as an alert: its type field apart, the rest as it was written. */
  public static Alert alert(StreamEntry entry) {
    Map<String, String> fields = new HashMap<>(entry.getFields());
    String type = fields.remove("type");
    return new Alert(entry.getID().toString(), type, fields);
  }
}
