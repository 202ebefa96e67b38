package nl.webcare.worklist;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import nl.webcare.store.LuaScript;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import nl.webcare.triage.PriorityFormula;
import redis.clients.jedis.UnifiedJedis;

/**
 * Rewrites the sort keys that builds before 2026-11-25 wrote, when age was not yet in the priority
 * formula: they were {@code urgency bucket (0..100) x 10^10 + epoch second of publication}, always positive,
 * while keys of the current formula ({@link PriorityFormula#priority}) are negative, so old cases would stay
 * above every new one. Runs at start; a Redis without old keys costs one range query per state.
 */
public final class PriorityKeyMigration {
  /** {@code rekey_case.lua}; its KEYS and ARGV contract is {@link #rekey}. */
  public static final LuaScript REKEY = LuaScript.load("rekey_case");
  private static final long OLD_URGENCY_STEP = 10_000_000_000L;

  private final RedisGateway redis;
  private final RedisKeys keys;
  private final PriorityFormula formula;

  public PriorityKeyMigration(RedisGateway redis, PriorityFormula formula) {
    this.redis = redis;
    this.keys = redis.keys();
    this.formula = formula;
  }

  /** The number of cases whose key was rewritten. */
  public Future<Integer> run() {
    return redis.call(jedis -> {
      int rewritten = 0;
      for (CaseState state : CaseState.values()) {
        for (String id : jedis.zrangeByScore(keys.casesInState(state.wire()), "(0", "+inf")) {
          rewritten += rekey(jedis, id);
        }
      }
      return rewritten;
    });
  }

  private int rekey(UnifiedJedis jedis, String id) {
    List<String> f = jedis.hmget(keys.caseHash(id), "priority", "openedAt", "state", "team", "assignee");
    long old = number(f.get(0));
    if (old <= 0) {
      return 0; // current already, erased, or not a key any build wrote: left alone
    }
    double urgency = (old / OLD_URGENCY_STEP) / 100.0;
    Instant published = Instant.ofEpochSecond(old % OLD_URGENCY_STEP);
    long openedMillis = number(f.get(1));
    Instant opened = openedMillis <= 0 ? published : Instant.ofEpochMilli(openedMillis);
    // The key may come from a later mention than the one that opened the case: it was seen no earlier
    // than it was published.
    Instant seen = opened.isAfter(published) ? opened : published;
    long key = formula.priority(urgency, published, seen);
    String state = f.get(2) == null ? "" : f.get(2);
    String team = f.get(3) == null ? "" : f.get(3);
    String holder = f.get(4) == null ? "" : f.get(4);
    Object done = redis.evalScript(jedis, REKEY, List.of(keys.caseHash(id), keys.activeCases(),
        keys.casesInState(state), keys.casesOfTeam(team), keys.casesOfAssignee(holder), keys.worklistVersion()),
        List.of(id, f.get(0), state, team, holder, Long.toString(key)));
    return ((Long) done).intValue();
  }

  /** The field as a number, or -1 when it is missing or not a whole number. */
  private static long number(String field) {
    if (field == null) {
      return -1;
    }
    try {
      return Long.parseLong(field);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
