package nl.webcare.worklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.webcare.store.LuaScript;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;

/** The KEYS and ARGV contract of {@code open_case.lua}: a new case, decided by {@link CaseFiling}. */
final class OpenCaseScript {
  static final LuaScript SCRIPT = LuaScript.load("open_case");

  /** A new case, decided. */
  record Opening(String caseId, String team, long priority, long now, String history, String firstResponseDue,
      String resolutionDue, Map<String, String> caseFields) {}

  private final RedisGateway redis;
  private final RedisKeys keys;
  private final FilingLimits limits;

  OpenCaseScript(RedisGateway redis, FilingLimits limits) {
    this.redis = redis;
    this.keys = redis.keys();
    this.limits = limits;
  }

  /** {case id, outcome}: opened, existing or stale. */
  List<?> run(UnifiedJedis jedis, String mentionId, CaseFiling.Pointers p, Opening o, Map<String, String> alert) {
    String id = o.caseId();
    List<String> scriptKeys = List.of(keys.caseByMention(mentionId), keys.caseByConversation(p.conversationKey()),
        keys.caseByAuthor(p.authorKey()), keys.caseHash(id), keys.caseMentions(id), keys.caseHistory(id),
        keys.activeCases(), keys.casesInState(CaseState.NEW.wire()), keys.casesOfTeam(o.team()),
        keys.casesByOpening(), keys.authorCases(p.authorKey()), keys.slaDue("firstResponse"),
        keys.slaDue("resolution"), keys.alertStream(), keys.worklistVersion());
    List<String> args = new ArrayList<>(List.of(mentionId, id, p.conversationCase(), p.authorCase(),
        ScriptArgs.flag(!p.conversationKey().isEmpty()), ScriptArgs.flag(!p.authorKey().isEmpty()), Long.toString(o.priority()),
        Long.toString(o.now()), Long.toString(limits.alertStreamMaxLength()), Long.toString(limits.conversationMemoryMs()),
        Long.toString(limits.authorWindowMs()), o.history(), o.firstResponseDue(), o.resolutionDue(),
        Integer.toString(o.caseFields().size())));
    ScriptArgs.pairs(args, o.caseFields());
    ScriptArgs.pairs(args, alert);
    return (List<?>) redis.evalScript(jedis, SCRIPT, scriptKeys, args);
  }
}
