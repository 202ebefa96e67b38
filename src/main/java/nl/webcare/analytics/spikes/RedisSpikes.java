package nl.webcare.analytics.spikes;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.webcare.store.LuaScript;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZRangeParams;

/**
 * Spikes in Redis: what the detector reads of a brand (its minute counts and newest negative mentions, written by
 * {@code count_mention.lua}), the spikes going on (one hash field per brand and scope), each spike's hash with its
 * indexes by start time, and the starts and ends as scripts that raise their alert in the same step.
 */
public final class RedisSpikes implements SpikeLog {
  public static final LuaScript START = LuaScript.load("spike_start");
  public static final LuaScript END = LuaScript.load("spike_end");
  public static final List<LuaScript> SCRIPTS = List.of(START, END);
  /** A brand is watched while its newest negative mention is younger than this, or while it has a spike. */
  private static final Duration WATCHED_FOR = Duration.ofHours(2);
  /** The negative mentions read back per look: enough for a window's aspects and examples at any volume. */
  private static final int RECENT_READ = 2000;

  private final RedisGateway redis;
  private final RedisKeys keys;
  private final long alertStreamMaxLength;
  private final Duration keep;

  /** @param keep how long a spike's record stays (as the day counts) */
  public RedisSpikes(RedisGateway redis, long alertStreamMaxLength, Duration keep) {
    this.redis = redis;
    this.keys = redis.keys();
    this.alertStreamMaxLength = alertStreamMaxLength;
    this.keep = keep;
  }

  /** The brands with a negative mention in the last two hours or a spike going on; never "unknown". */
  public Future<Set<String>> brandsToWatch(Instant now) {
    return redis.call(jedis -> {
      jedis.zremrangeByScore(keys.spikeBrands(), Double.NEGATIVE_INFINITY,
          now.minus(Duration.ofDays(2)).toEpochMilli());
      jedis.zremrangeByScore(keys.spikesByTime(), Double.NEGATIVE_INFINITY, now.minus(keep).toEpochMilli());
      Set<String> brands = new HashSet<>(jedis.zrangeByScore(keys.spikeBrands(),
          now.minus(WATCHED_FOR).toEpochMilli(), Double.POSITIVE_INFINITY));
      for (String field : jedis.hkeys(keys.activeSpikes())) {
        brands.add(field.substring(0, field.lastIndexOf('|')));
      }
      // mentions of no brand (a source without one) are counted under this name; nobody answers for them
      brands.remove(nl.webcare.mention.MentionCount.UNKNOWN);
      return brands;
    });
  }

  /** Reads a brand: readings per scope (baselines from {@code cache}), spikes going on, rests, recent negatives. */
  public Future<Observation> observe(String brand, Instant now, SpikeDetector detector, BaselineCache cache) {
    return redis.call(jedis -> {
      String sinceText = jedis.get(keys.countingSince(brand));
      Instant since = sinceText == null ? now : Instant.ofEpochMilli(Long.parseLong(sinceText));
      List<Observation.NegativeMention> recent = recent(jedis, brand);
      Map<String, Spike> active = new HashMap<>();
      Map<String, String> going = jedis.hgetAll(keys.activeSpikes());
      going.forEach((field, id) -> {
        if (field.startsWith(brand + "|") && field.lastIndexOf('|') == brand.length()) {
          Spike s = read(jedis, id);
          if (s != null) {
            active.put(s.scope(), s);
          }
        }
      });
      Set<String> scopes = new HashSet<>(active.keySet());
      scopes.add(Spike.ALL);
      Instant windowStart = now.minus(SpikeDetector.WINDOW);
      recent.stream().filter(m -> !m.at().isBefore(windowStart)).forEach(m -> scopes.add(m.channel()));
      RedisMinuteCounts minutes = new RedisMinuteCounts(jedis, keys, brand, since);
      Map<String, SpikeDetector.Reading> readings = new LinkedHashMap<>();
      Set<String> cooling = new HashSet<>();
      for (String scope : scopes) {
        MinuteCounts counts = minutes.of(Spike.ALL.equals(scope) ? null : scope);
        SpikeDetector.Baseline baseline = cache.get(brand + "|" + scope, now, () -> detector.baseline(counts, now));
        readings.put(scope, detector.read(counts, now, baseline));
        if (jedis.exists(keys.spikeCooldown(brand, scope))) {
          cooling.add(scope);
        }
      }
      return new Observation(brand, now, readings, active, cooling, recent);
    });
  }

  private List<Observation.NegativeMention> recent(UnifiedJedis jedis, String brand) {
    List<Observation.NegativeMention> out = new ArrayList<>();
    for (var t : jedis.zrangeWithScores(keys.recentNegatives(brand), ZRangeParams.zrangeParams(0, RECENT_READ - 1)
        .rev())) {
      String[] parts = t.getElement().split("\\|", 3);
      if (parts.length == 3) {
        List<String> aspects = parts[2].isEmpty() ? List.of() : Arrays.asList(parts[2].split(","));
        out.add(new Observation.NegativeMention(parts[0], parts[1], aspects,
            Instant.ofEpochMilli((long) t.getScore())));
      }
    }
    return out;
  }

  /** Starts the spike unless its scope has one going on or rests: the spike started, or null. */
  public Future<Spike> start(Spike draft, Map<String, String> alert) {
    return redis.call(jedis -> {
      Map<String, String> fields = fields(draft);
      List<String> args = new ArrayList<>(List.of(draft.key(), draft.id(),
          Long.toString(draft.startedAt().toEpochMilli()), Long.toString(keep.toMillis()),
          Long.toString(alertStreamMaxLength), Integer.toString(fields.size())));
      pairs(args, fields);
      pairs(args, alert);
      Object result = redis.evalScript(jedis, START, List.of(keys.activeSpikes(),
          keys.spikeCooldown(draft.brand(), draft.scope()), keys.spike(draft.id()), keys.spikesByTime(),
          keys.spikesOfBrand(draft.brand()), keys.alertStream()), args);
      return "started".equals(result) ? draft : null;
    });
  }

  /** Ends the spike if it still goes on: true when this call ended it. */
  public Future<Boolean> end(Spike spike, Instant at, long lastCount, Duration cooldown, Map<String, String> alert) {
    return redis.call(jedis -> {
      List<String> args = new ArrayList<>(List.of(spike.key(), spike.id(), Long.toString(at.toEpochMilli()),
          Long.toString(cooldown.toMillis()), Long.toString(alertStreamMaxLength), Long.toString(lastCount)));
      pairs(args, alert);
      Object ended = redis.evalScript(jedis, END, List.of(keys.activeSpikes(),
          keys.spikeCooldown(spike.brand(), spike.scope()), keys.spike(spike.id()), keys.alertStream()), args);
      return Long.valueOf(1).equals(ended);
    });
  }

  /** Records that the spike shares the incident case another spike of its brand opened. */
  public Future<Void> adoptIncident(String spikeId, String caseId) {
    return redis.call(jedis -> {
      jedis.hsetnx(keys.spike(spikeId), "incidentCaseId", caseId);
      return null;
    });
  }

  /** Keeps the highest count seen while the spike goes on. */
  public Future<Void> recordPeak(Spike spike, long count) {
    if (count <= spike.peak()) {
      return Future.succeededFuture();
    }
    return redis.call(jedis -> {
      jedis.hset(keys.spike(spike.id()), "peak", Long.toString(count));
      return null;
    });
  }

  /**
   * Links the cases of these mentions to the spike: the ids of the cases linked now (those linked before, and
   * mentions without a case, are left out).
   */
  public Future<List<String>> link(String spikeId, List<String> mentionIds) {
    if (mentionIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return redis.call(jedis -> {
      List<String> linked = new ArrayList<>();
      for (String mentionId : mentionIds) {
        String caseId = jedis.get(keys.caseByMention(mentionId));
        if (caseId != null && jedis.sadd(keys.spikeCases(spikeId), caseId) == 1) {
          linked.add(caseId);
        }
      }
      jedis.pexpire(keys.spikeCases(spikeId), keep.toMillis());
      return linked;
    });
  }

  /** Takes cases off the spike's links again (their tagging failed), so that the next round links and tags them. */
  public Future<Void> unlink(String spikeId, List<String> caseIds) {
    if (caseIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return redis.call(jedis -> {
      jedis.srem(keys.spikeCases(spikeId), caseIds.toArray(String[]::new));
      return null;
    });
  }

  @Override
  public Future<List<Spike>> list(String brand, Instant from, Instant to, int limit) {
    String index = brand == null ? keys.spikesByTime() : keys.spikesOfBrand(brand);
    return redis.call(jedis -> {
      List<Spike> out = new ArrayList<>();
      for (String id : jedis.zrevrangeByScore(index, to.toEpochMilli() - 1, from.toEpochMilli(), 0, limit)) {
        Spike s = read(jedis, id);
        if (s != null) {
          out.add(s);
        }
      }
      return out;
    });
  }

  @Override
  public Future<Spike> find(String spikeId) {
    return redis.call(jedis -> read(jedis, spikeId));
  }

  private Spike read(UnifiedJedis jedis, String id) {
    Map<String, String> f = jedis.hgetAll(keys.spike(id));
    if (f.isEmpty()) {
      return null;
    }
    return new Spike(id, f.get("brand"), f.get("scope"), instant(f.get("startedAt")), instant(f.get("endedAt")),
        instant(f.get("windowStart")), instant(f.get("windowEnd")), Long.parseLong(f.getOrDefault("count", "0")),
        Long.parseLong(f.getOrDefault("peak", f.getOrDefault("count", "0"))),
        Double.parseDouble(f.getOrDefault("baseline", "0")), Long.parseLong(f.getOrDefault("threshold", "0")),
        f.get("baselineSource"), list(f.get("aspects")), list(f.get("examples")), f.get("incidentCaseId"));
  }

  private static Map<String, String> fields(Spike s) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("brand", s.brand());
    f.put("scope", s.scope());
    f.put("startedAt", Long.toString(s.startedAt().toEpochMilli()));
    f.put("windowStart", Long.toString(s.windowStart().toEpochMilli()));
    f.put("windowEnd", Long.toString(s.windowEnd().toEpochMilli()));
    f.put("count", Long.toString(s.count()));
    f.put("peak", Long.toString(s.peak()));
    f.put("baseline", Double.toString(s.baseline()));
    f.put("threshold", Long.toString(s.threshold()));
    f.put("baselineSource", s.baselineSource());
    f.put("aspects", String.join(",", s.aspects()));
    f.put("examples", String.join(",", s.examples()));
    return f;
  }

  private static List<String> list(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }

  private static Instant instant(String millis) {
    return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
  }

  private static void pairs(List<String> args, Map<String, String> fields) {
    fields.forEach((k, v) -> {
      args.add(k);
      args.add(v);
    });
  }
}
