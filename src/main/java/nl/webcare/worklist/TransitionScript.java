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
  private final long alertStreamMaxLength;

  TransitionScript(RedisGateway redis, long alertStreamMaxLength) {
    this.redis = redis;
    this.keys = redis.keys();
    this.alertStreamMaxLength = alertStreamMaxLength;
  }

  Result run(UnifiedJedis jedis, Case read, CaseMove move, String actor, CaseState after, String holderAfter,
      CaseWrites writes, String history, Instant now) {
    String id = read.id();
    List<String> scriptKeys = List.of(keys.caseHash(id), keys.caseHistory(id), keys.casesInState(read.state().wire()),
        keys.casesInState(after.wire()), keys.activeCases(), keys.closedCases(), keys.snoozedCases(),
        keys.casesOfTeam(orEmpty(read.team())), keys.casesOfTeam(orEmpty(writes.team())),
        keys.casesOfAssignee(orEmpty(read.assignee())), keys.casesOfAssignee(orEmpty(holderAfter)),
        keys.alertStream(), keys.worklistVersion());
    List<String> args = new ArrayList<>(List.of(id, read.state().wire(), orEmpty(read.assignee()), orEmpty(read.team()),
        after.wire(), orEmpty(holderAfter), orEmpty(writes.team()), after.closed() ? "1" : "0",
        CaseCodec.millis(now), wakeAt(read, after, writes),
        history, alertType(move, read, after, holderAfter), Long.toString(alertStreamMaxLength), actor,
        Integer.toString(writes.set().size()), Integer.toString(writes.setIfAbsent().size()),
        Integer.toString(writes.increments().size())));
    ScriptArgs.pairs(args, writes.set());
    ScriptArgs.pairs(args, writes.setIfAbsent());
    writes.increments().forEach((field, by) -> {
      args.add(field);
      args.add(Long.toString(by));
    });
    args.addAll(writes.delete());
    Object result = redis.evalScript(jedis, SCRIPT, scriptKeys, args);
    return Result.valueOf(((String) result).toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * The alert a move raises, so that a ticket system can follow the case: closed (resolved or dismissed),
   * escalated, reopened by hand, or held by someone new; '' for the moves nobody outside the team waits for.
   */
  static String alertType(CaseMove move, Case read, CaseState after, String holderAfter) {
    return switch (move) {
      case RESOLVE -> "case.resolved";
      case DISMISS -> "case.dismissed";
      case ESCALATE -> "case.escalated";
      case REOPEN -> "case.reopened";
      default -> holderAfter != null && !holderAfter.isEmpty() && !holderAfter.equals(read.assignee())
          && !after.closed() ? "case.assigned" : "";
    };
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
