package nl.webcare.metrics;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.store.RedisGateway;
import nl.webcare.worklist.CaseState;

/** Reads the backlog per team and the cases per state from Redis (one ZCARD each) into the gauges. */
public final class BacklogGauges {
  private final RedisGateway redis;
  private final WebcareMetrics metrics;
  private final List<String> teams;

  public BacklogGauges(RedisGateway redis, WebcareMetrics metrics, List<String> teams) {
    this.redis = redis;
    this.metrics = metrics;
    this.teams = List.copyOf(teams);
  }

  public Future<Void> refresh() {
    return redis.call(jedis -> {
      Map<String, Long> byTeam = new LinkedHashMap<>();
      Map<String, Long> byState = new LinkedHashMap<>();
      for (String team : teams) {
        byTeam.put(team, jedis.zcard(redis.keys().casesOfTeam(team)));
      }
      for (CaseState state : CaseState.values()) {
        byState.put(state.wire(), jedis.zcard(redis.keys().casesInState(state.wire())));
      }
      return List.of(byTeam, byState);
    }).map(counts -> {
      counts.get(0).forEach(metrics::backlog);
      counts.get(1).forEach(metrics::cases);
      return null;
    });
  }
}
