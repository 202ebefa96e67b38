package nl.webcare.worklist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.webcare.store.LuaScript;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;

/** The ARGV and KEYS contract of {@code transition_case.lua}: one decided move, applied when the case is as read. */
final class TransitionScript {
  static final LuaScript SCRIPT = LuaScript.load("transition_case");

  enum Result { DONE, MISSING, STALE }

  private final RedisGateway redis;
  private final RedisKeys keys;

  TransitionScript(RedisGateway redis) {
    this.redis = redis;
    this.keys = redis.keys();
  }

  Result run(UnifiedJedis jedis, Case read, CaseState after, String holderAfter, CaseWrites writes, String history,
      Instant now) {
    String id = read.id();
    List<String> scriptKeys = List.of(keys.caseHash(id), keys.caseHistory(id), keys.casesInState(read.state().wire()),
        keys.casesInState(after.wire()), keys.activeCases(), keys.closedCases(), keys.snoozedCases(),
        keys.casesOfTeam(orEmpty(read.team())), keys.casesOfTeam(orEmpty(writes.team())),
        keys.casesOfAssignee(orEmpty(read.assignee())), keys.casesOfAssignee(orEmpty(holderAfter)));
    List<String> args = new ArrayList<>(List.of(id, read.state().wire(), orEmpty(read.assignee()), orEmpty(read.team()),
        after.wire(), orEmpty(holderAfter), orEmpty(writes.team()), after.closed() ? "1" : "0",
        CaseCodec.millis(now), wakeAt(read, after, writes),
        history, Integer.toString(writes.set().size()), Integer.toString(writes.setIfAbsent().size())));
    ScriptArgs.pairs(args, writes.set());
    ScriptArgs.pairs(args, writes.setIfAbsent());
    args.addAll(writes.delete());
    Object result = redis.evalScript(jedis, SCRIPT, scriptKeys, args);
    return Result.valueOf(((String) result).toUpperCase(java.util.Locale.ROOT));
  }

  /** The snoozed index's score: the new wake time, or the one it had when it stays snoozed. */
  private static String wakeAt(Case read, CaseState after, CaseWrites writes) {
    if (after != CaseState.SNOOZED) {
      return "";
    }
    java.time.Instant at = writes.wakeAt() != null ? writes.wakeAt() : read.snoozedUntil();
    return CaseCodec.millis(at != null ? at : java.time.Instant.now());
  }

  static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
