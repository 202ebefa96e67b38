package nl.webcare.sla;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/** Reads the cases of a period (and the open ones) from Redis for {@link SlaReport}, in pipelined batches. */
public final class RedisSlaReport implements SlaReports {
  /** A report reads at most this many cases per list, so one request cannot hold Redis for long. */
  public static final int MAX_CASES = 200_000;
  private static final String[] FIELDS = {"team", "channel", "openedAt", "firstResponseAt", "firstResponseDue", "state",
      "firstResponseBreachedAt", "resolutionBreachedAt"};
  private final RedisGateway redis;
  private final RedisKeys keys;

  public RedisSlaReport(RedisGateway redis) {
    this.redis = redis;
    this.keys = redis.keys();
  }

  @Override
  public Future<JsonObject> report(Instant from, Instant to, String team, String channel) {
    Predicate<SlaReport.Row> wanted = r -> (team == null || team.equals(r.team()))
        && (channel == null || channel.equals(r.channel()));
    return redis.call(jedis -> {
      List<String> opened = List.copyOf(jedis.zrangeByScore(keys.casesByOpening(), from.toEpochMilli(),
          to.toEpochMilli() - 1, 0, MAX_CASES));
      List<String> active = List.copyOf(jedis.zrange(keys.activeCases(), 0, MAX_CASES - 1));
      List<SlaReport.Row> openedRows = rows(jedis, opened).stream().filter(wanted).toList();
      List<SlaReport.Row> activeRows = rows(jedis, active).stream().filter(wanted).toList();
      return SlaReport.of(openedRows, activeRows, from, to, Instant.now());
    });
  }

  private List<SlaReport.Row> rows(UnifiedJedis jedis, List<String> ids) {
    List<SlaReport.Row> rows = new ArrayList<>(ids.size());
    for (int start = 0; start < ids.size(); start += 1000) {
      List<String> batch = ids.subList(start, Math.min(ids.size(), start + 1000));
      try (AbstractPipeline pipeline = redis.pipelined(jedis)) {
        List<Response<List<String>>> responses = new ArrayList<>();
        for (String id : batch) {
          responses.add(pipeline.hmget(keys.caseHash(id), FIELDS));
        }
        pipeline.sync();
        for (Response<List<String>> response : responses) {
          List<String> f = response.get();
          if (f.get(2) != null) {
            rows.add(new SlaReport.Row(f.get(0), f.get(1), instant(f.get(2)), instant(f.get(3)), instant(f.get(4)),
                "resolved".equals(f.get(5)) || "dismissed".equals(f.get(5)), f.get(6) != null || f.get(7) != null));
          }
        }
      }
    }
    return rows;
  }

  private static Instant instant(String millis) {
    return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
  }
}
