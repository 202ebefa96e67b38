package nl.webcare.worklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.webcare.store.LuaScript;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;

/** The KEYS and ARGV contracts of {@code open_case.lua} and {@code join_case.lua}. */
final class FilingScripts {
  static final LuaScript OPEN = LuaScript.load("open_case");
  static final LuaScript JOIN = LuaScript.load("join_case");

  /** What the filing read before deciding: the pointers, as the scripts check them again. */
  record Pointers(String conversationKey, String authorKey, String conversationCase, String authorCase) {}

  /** A new case, decided. */
  record Opening(String caseId, long priority, long now, String history, String firstResponseDue,
      String resolutionDue, Map<String, String> caseFields) {}

  /** A mention on an existing case, decided. */
  record Joining(Case read, CaseState after, long priority, long now, boolean pointConversation, boolean pointAuthor,
      String history, String nextReplyDue, String outcome) {}

  private final RedisGateway redis;
  private final RedisKeys keys;
  private final long alertStreamMaxLength;
  private final long conversationMemoryMs;
  private final long authorWindowMs;

  FilingScripts(RedisGateway redis, long alertStreamMaxLength, long conversationMemoryMs, long authorWindowMs) {
    this.redis = redis;
    this.keys = redis.keys();
    this.alertStreamMaxLength = alertStreamMaxLength;
    this.conversationMemoryMs = conversationMemoryMs;
    this.authorWindowMs = authorWindowMs;
  }

  /** {case id, outcome}: opened, existing or stale. */
  List<?> open(UnifiedJedis jedis, String mentionId, Pointers p, Opening o, Map<String, String> alert) {
    String id = o.caseId();
    List<String> scriptKeys = List.of(keys.caseByMention(mentionId), keys.caseByConversation(p.conversationKey()),
        keys.caseByAuthor(p.authorKey()), keys.caseHash(id), keys.caseMentions(id), keys.caseHistory(id),
        keys.activeCases(), keys.casesInState(CaseState.NEW.wire()), keys.casesOfTeam(o.caseFields().get("team")),
        keys.casesByOpening(), keys.authorCases(p.authorKey()), keys.slaDue("firstResponse"),
        keys.slaDue("resolution"), keys.alertStream());
    List<String> args = new ArrayList<>(List.of(mentionId, id, p.conversationCase(), p.authorCase(),
        flag(!p.conversationKey().isEmpty()), flag(!p.authorKey().isEmpty()), Long.toString(o.priority()),
        Long.toString(o.now()), Long.toString(alertStreamMaxLength), Long.toString(conversationMemoryMs),
        Long.toString(authorWindowMs), o.history(), o.firstResponseDue(), o.resolutionDue(),
        Integer.toString(o.caseFields().size())));
    pairs(args, o.caseFields());
    pairs(args, alert);
    return (List<?>) redis.evalScript(jedis, OPEN, scriptKeys, args);
  }

  /** {case id, outcome}: joined, reopened, existing or stale. */
  List<?> join(UnifiedJedis jedis, String mentionId, Pointers p, Joining j, Map<String, String> alert) {
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
    return (List<?>) redis.evalScript(jedis, JOIN, scriptKeys, args);
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
