package nl.webcare.worklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.webcare.store.LuaScript;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;

/** The KEYS and ARGV contract of {@code join_case.lua}: a mention on an existing case, decided by {@link CaseFiling}. */
final class JoinCaseScript {
  static final LuaScript SCRIPT = LuaScript.load("join_case");

  /** A mention on an existing case, decided. */
  record Joining(Case read, CaseState after, long priority, long now, boolean pointConversation, boolean pointAuthor,
      String history, String nextReplyDue, String outcome) {}

  private final RedisGateway redis;
  private final RedisKeys keys;
  private final long alertStreamMaxLength;
  private final long conversationMemoryMs;
  private final long authorWindowMs;

  JoinCaseScript(RedisGateway redis, long alertStreamMaxLength, long conversationMemoryMs, long authorWindowMs) {
    this.redis = redis;
    this.keys = redis.keys();
    this.alertStreamMaxLength = alertStreamMaxLength;
    this.conversationMemoryMs = conversationMemoryMs;
    this.authorWindowMs = authorWindowMs;
  }

  /** {case id, outcome}: joined, reopened, existing or stale. */
  List<?> run(UnifiedJedis jedis, String mentionId, CaseFiling.Pointers p, Joining j, Map<String, String> alert) {
    Case c = j.read();
    String id = c.id();
    String holder = TransitionScript.orEmpty(c.assignee());
    List<String> scriptKeys = List.of(keys.caseByMention(mentionId), keys.caseByConversation(p.conversationKey()),
        keys.caseByAuthor(p.authorKey()), keys.caseHash(id), keys.caseMentions(id), keys.caseHistory(id),
        keys.casesInState(c.state().wire()), keys.casesInState(j.after().wire()), keys.activeCases(),
        keys.closedCases(), keys.casesOfTeam(TransitionScript.orEmpty(c.team())), keys.casesOfAssignee(holder),
        keys.snoozedCases(), keys.slaDue("nextReply"), keys.alertStream());
    List<String> args = new ArrayList<>(List.of(mentionId, id, p.conversationCase(), p.authorCase(),
        c.state().wire(), holder, TransitionScript.orEmpty(c.team()), Long.toString(c.priority()), j.after().wire(),
        Long.toString(j.priority()), Long.toString(j.now()), Long.toString(alertStreamMaxLength),
        flag(j.pointConversation()), flag(j.pointAuthor()), Long.toString(conversationMemoryMs),
        Long.toString(authorWindowMs), j.history(), j.nextReplyDue(), j.outcome()));
    pairs(args, alert);
    return (List<?>) redis.evalScript(jedis, SCRIPT, scriptKeys, args);
  }

  private static String flag(boolean on) {
    return on ? "1" : "0";
  }

  private static void pairs(List<String> args, Map<String, String> fields) {
    fields.forEach((k, v) -> {
      args.add(k);
      args.add(v);
    });
  }
}
