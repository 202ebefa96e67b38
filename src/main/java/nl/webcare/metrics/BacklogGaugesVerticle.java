package nl.webcare.metrics;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.store.RedisGateway;
import nl.webcare.worklist.CaseState;

/** Reads the backlog per team and the cases per state from Redis (one ZCARD each) for the gauges. */
public final class BacklogGaugesVerticle extends VerticleBase {
  private final RedisGateway redis;
  private final WebcareMetrics metrics;
  private final List<String> teams;
  private final Duration every;
  private long timer = -1;

  public BacklogGaugesVerticle(RedisGateway redis, WebcareMetrics metrics, List<String> teams, Duration every) {
    this.redis = redis;
    this.metrics = metrics;
    this.teams = List.copyOf(teams);
    this.every = every;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(0, every.toMillis(), id -> refresh());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private void refresh() {
    redis.call(jedis -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String team : teams) {
        counts.put("team:" + team, jedis.zcard(redis.keys().casesOfTeam(team)));
      }
      for (CaseState state : CaseState.values()) {
        counts.put("state:" + state.wire(), jedis.zcard(redis.keys().casesInState(state.wire())));
      }
      return counts;
    }).onSuccess(counts -> counts.forEach((key, value) -> {
      if (key.startsWith("team:")) {
        metrics.backlog(key.substring(5), value);
      } else {
        metrics.cases(key.substring(6), value);
      }
    }));
  }
}
