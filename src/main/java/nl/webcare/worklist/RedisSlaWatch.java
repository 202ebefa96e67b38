package nl.webcare.worklist;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import nl.webcare.store.LuaScript;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;

/**
 * The due indexes of the SLA clocks ({@code cases:sla:firstResponse}, {@code cases:sla:resolution}, by due
 * time): which entries have come due, and flagging a breach once, atomically, with its alert.
 */
public final class RedisSlaWatch {
  /** {@code sla_breach.lua}; its KEYS and ARGV contract is {@link #flag}. */
  public static final LuaScript BREACH = LuaScript.load("sla_breach");
  /** The clocks a case can have. */
  public static final List<String> TARGETS = RedisKeys.SLA_TARGETS;

  private final RedisGateway redis;
  private final RedisKeys keys;
  private final long alertStreamMaxLength;

  public RedisSlaWatch(RedisGateway redis, long alertStreamMaxLength) {
    this.redis = redis;
    this.keys = redis.keys();
    this.alertStreamMaxLength = alertStreamMaxLength;
  }

  /** Cases whose {@code target} was due by {@code now}, oldest first. */
  public Future<List<String>> due(String target, Instant now, int limit) {
    return redis.call(jedis -> List.copyOf(jedis.zrangeByScore(keys.slaDue(target), 0, now.toEpochMilli(), 0, limit)));
  }

  /** Flags the breach and raises the alert; false when it no longer applies (answered, closed, flagged). */
  public Future<Boolean> flag(String caseId, String target, Instant now) {
    String history = new CaseEvent(now, "webcare", "sla.breached", new JsonObject().put("target", target)).encode();
    return redis.call(jedis -> Long.valueOf(1).equals(redis.evalScript(jedis, BREACH,
        List.of(keys.caseHash(caseId), keys.caseHistory(caseId), keys.slaDue(target), keys.alertStream(),
            keys.worklistVersion()),
        List.of(caseId, target, Long.toString(now.toEpochMilli()), Long.toString(alertStreamMaxLength), history))));
  }
}
