package nl.webcare.worklist;

import java.util.List;
import java.util.Map;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * Removes a case with everything hanging off it: its hash, its mentions, notes, tags, replies, hand-offs
 * and history, every index entry, and the pointers that would file a new mention on it. Used by
 * retention (closed cases past their time) and by erasure (an author's cases). Blocking: run it on the
 * Redis worker pool. Idempotent: removing a removed case removes nothing.
 */
public final class CaseRemoval {
  private CaseRemoval() {}

  /** Removes the case; true when it existed. */
  public static boolean remove(RedisGateway redis, UnifiedJedis jedis, String caseId) {
    RedisKeys keys = redis.keys();
    Map<String, String> f = jedis.hgetAll(keys.caseHash(caseId));
    List<String> mentionIds = jedis.lrange(keys.caseMentions(caseId), 0, -1);
    // every key here is of the {work} slot (RedisKeys)
    try (var tx = redis.multi(jedis, keys.caseHash(caseId))) {
      tx.del(keys.caseHash(caseId), keys.caseHistory(caseId), keys.caseNotes(caseId), keys.caseTags(caseId),
          keys.caseMentions(caseId), keys.caseReplies(caseId), keys.caseHandoffs(caseId));
      tx.incr(keys.worklistVersion());
      tx.zrem(keys.activeCases(), caseId);
      tx.zrem(keys.closedCases(), caseId);
      tx.zrem(keys.snoozedCases(), caseId);
      tx.zrem(keys.casesByOpening(), caseId);
      for (CaseState state : CaseState.values()) {
        tx.zrem(keys.casesInState(state.wire()), caseId);
      }
      for (String target : RedisKeys.SLA_TARGETS) {
        tx.zrem(keys.slaDue(target), caseId);
      }
      if (f.get("team") != null) {
        tx.zrem(keys.casesOfTeam(f.get("team")), caseId);
      }
      if (f.get("assignee") != null) {
        tx.zrem(keys.casesOfAssignee(f.get("assignee")), caseId);
      }
      if (f.get("authorKey") != null) {
        tx.srem(keys.authorCases(f.get("authorKey")), caseId);
      }
      for (String mentionId : mentionIds) {
        tx.del(keys.caseByMention(mentionId));
      }
      tx.exec();
    }
    if (f.get("authorKey") != null && caseId.equals(jedis.get(keys.caseByAuthor(f.get("authorKey"))))) {
      jedis.del(keys.caseByAuthor(f.get("authorKey")));
    }
    return !f.isEmpty();
  }
}
