package nl.webcare.worklist;

import java.time.Instant;
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
  private final FilingLimits limits;

  JoinCaseScript(RedisGateway redis, FilingLimits limits) {
    this.redis = redis;
    this.keys = redis.keys();
    this.limits = limits;
  }

  /** The customer's mention puts a held case back into its holder's hands: their clock runs again. */
  private static boolean startsHolderClock(Case c, CaseState after) {
    return !CaseMeasures.held(c.state(), c.assignee()) && CaseMeasures.held(after, c.assignee());
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
        keys.snoozedCases(), keys.slaDue("nextReply"), keys.alertStream(), keys.worklistVersion());
    List<String> args = new ArrayList<>(List.of(mentionId, id, p.conversationCase(), p.authorCase(),
        c.state().wire(), holder, TransitionScript.orEmpty(c.team()), Long.toString(c.priority()), j.after().wire(),
        Long.toString(j.priority()), Long.toString(j.now()), Long.toString(limits.alertStreamMaxLength()),
        ScriptArgs.flag(j.pointConversation()), ScriptArgs.flag(j.pointAuthor()), Long.toString(limits.conversationMemoryMs()),
        Long.toString(limits.authorWindowMs()), j.history(), j.nextReplyDue(), j.outcome(),
        startsHolderClock(c, j.after()) ? Long.toString(j.now()) : "", ScriptArgs.flag(c.state().closed()),
        ScriptArgs.flag(c.state().closed() && CaseMeasures.withinWindow(c.figures(), Instant.ofEpochMilli(j.now())))));
    ScriptArgs.pairs(args, alert);
    return (List<?>) redis.evalScript(jedis, SCRIPT, scriptKeys, args);
  }
}
