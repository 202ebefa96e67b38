package nl.webcare.worklist;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.webcare.alerts.AlertFields;
import nl.webcare.mention.AuthorKey;
import nl.webcare.mention.Mention;
import nl.webcare.mention.ScoredMention;
import nl.webcare.sla.SlaPolicy;
import nl.webcare.store.RedisKeys;
import nl.webcare.triage.Triage;
import redis.clients.jedis.UnifiedJedis;

/**
 * Files a scored mention: it joins the case of its conversation, or of its author on the same channel within
 * the grouping window (the move {@link CaseMove#CUSTOMER_WROTE}), or, when it needs a reply, opens a case.
 * Reads first, decides here, and lets one script apply the decision when what was read still holds; else it
 * reads again. Idempotent by mention.
 */
final class CaseFiling {
  /** Alert text excerpts stay short; the full text is one GET away. */
  private static final int EXCERPT_CHARS = 280;
  private static final int MAX_ATTEMPTS = 10;

  private final RedisKeys keys;
  private final OpenCaseScript open;
  private final JoinCaseScript join;
  private final SlaPolicy sla;
  private final Duration groupingWindow;
  private final java.time.Clock clock;

  /** What the filing read before deciding: the pointers, as the scripts check them again. */
  record Pointers(String conversationKey, String authorKey, String conversationCase, String authorCase) {}

  CaseFiling(RedisKeys keys, OpenCaseScript open, JoinCaseScript join, SlaPolicy sla, Duration groupingWindow,
      java.time.Clock clock) {
    this.clock = clock;
    this.keys = keys;
    this.open = open;
    this.join = join;
    this.sla = sla;
    this.groupingWindow = groupingWindow;
  }

  /** The alert with the team of the case it opens or joins, which subscriptions filter on. */
  private static Map<String, String> withTeam(Map<String, String> alert, String team) {
    if (team == null) {
      return alert;
    }
    Map<String, String> with = new java.util.LinkedHashMap<>(alert);
    with.put("team", team);
    return with;
  }

  /** A new case's alert says when its first response is due, so that a chat message can say how long is left. */
  private static Map<String, String> withDue(Map<String, String> alert, SlaPolicy.Due due) {
    if (due.firstResponse() == null) {
      return alert;
    }
    Map<String, String> with = new java.util.LinkedHashMap<>(alert);
    with.put("due", Long.toString(due.firstResponse().toEpochMilli()));
    return with;
  }

  Worklist.Filing file(UnifiedJedis jedis, ScoredMention scored, Triage.Decision decision, String team,
      boolean crisisBand) {
    Mention m = scored.mention();
    Instant now = clock.instant();
    String band = crisisBand ? nl.webcare.mention.TriageClass.CRISIS.wire() : decision.triageClass().wire();
    SlaPolicy.Due due = sla.due(team, band, decision.urgency(), now);
    Map<String, String> alert = AlertFields.of(scored, decision, EXCERPT_CHARS);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      String existing = jedis.get(keys.caseByMention(m.id()));
      if (existing != null) {
        return new Worklist.Filing(existing, "existing");
      }
      Pointers pointers = pointers(jedis, m);
      Case candidate = candidate(jedis, pointers, now);
      List<?> result;
      if (candidate != null) {
        result = join.run(jedis, m.id(), pointers, joining(m.id(), candidate, pointers, decision, due, now),
            withTeam(alert, candidate.team()));
      } else if (decision.needsReply()) {
        String id = CaseReference.of(jedis.incr(keys.caseSequence()));
        result = open.run(jedis, m.id(), pointers, opening(id, scored, decision, due, now),
            withDue(withTeam(alert, due.team()), due));
      } else {
        return new Worklist.Filing(null, "none");
      }
      if (!"stale".equals(result.get(1))) {
        return new Worklist.Filing((String) result.get(0), (String) result.get(1));
      }
    }
    throw new IllegalStateException("the cases of mention " + m.id() + " kept changing; it is filed again later");
  }

  private Pointers pointers(UnifiedJedis jedis, Mention m) {
    String conversation = conversationKey(m);
    String author = AuthorKey.of(m) == null ? "" : AuthorKey.of(m);
    String byConversation = conversation.isEmpty() ? null : jedis.get(keys.caseByConversation(conversation));
    String byAuthor = author.isEmpty() ? null : jedis.get(keys.caseByAuthor(author));
    return new Pointers(conversation, author, byConversation == null ? "" : byConversation,
        byAuthor == null ? "" : byAuthor);
  }

  /** The thread's case, else the author's recent one; never a dismissed case or one that was erased. */
  private Case candidate(UnifiedJedis jedis, Pointers p, Instant now) {
    if (!p.conversationCase().isEmpty()) {
      Case c = read(jedis, p.conversationCase());
      if (c != null && c.state() != CaseState.DISMISSED) {
        return c;
      }
    }
    if (!p.authorCase().isEmpty()) {
      Case c = read(jedis, p.authorCase());
      if (c != null && c.state() != CaseState.DISMISSED && c.lastMentionAt() != null
          && !c.lastMentionAt().plus(groupingWindow).isBefore(now)) {
        return c;
      }
    }
    return null;
  }

  private JoinCaseScript.Joining joining(String mentionId, Case c, Pointers p, Triage.Decision decision, SlaPolicy.Due due,
      Instant now) {
    CaseState after = CaseMove.CUSTOMER_WROTE.decide(c.state(), c.assignee(), Actor.SYSTEM, null).state();
    // The sort key counts the wait from the first unanswered mention (the higher key); after our reply
    // (waiting, resolved) the customer's new mention starts a new wait, on the clock of a first response.
    boolean answered = c.state() == CaseState.WAITING || c.state() == CaseState.RESOLVED;
    long priority = answered ? decision.priority() : Math.max(c.priority(), decision.priority());
    String nextReplyDue = answered && due.firstResponse() != null ? CaseCodec.millis(due.firstResponse()) : "";
    String history = new CaseEvent(now, Actor.SYSTEM.name(), "mention.added",
        new JsonObject().put("mentionId", mentionId)).encode();
    return new JoinCaseScript.Joining(c, after, priority, now.toEpochMilli(), !p.conversationKey().isEmpty(),
        // the author's own next mention joins their own case, not a thread they once chimed in on
        !p.authorKey().isEmpty() && p.authorKey().equals(c.authorKey()), history, nextReplyDue,
        after != c.state() ? "reopened" : "joined");
  }

  private OpenCaseScript.Opening opening(String id, ScoredMention scored, Triage.Decision decision, SlaPolicy.Due due,
      Instant now) {
    Mention m = scored.mention();
    Map<String, String> f = CaseCodec.newCaseFields(id, scored, decision, due, now);
    String firstResponseDue = due.firstResponse() == null ? "" : CaseCodec.millis(due.firstResponse());
    String resolutionDue = due.resolution() == null ? "" : CaseCodec.millis(due.resolution());
    String history = new CaseEvent(now, Actor.SYSTEM.name(), "opened", new JsonObject().put("mentionId", m.id())
        .put("triageClass", decision.triageClass().wire())).encode();
    return new OpenCaseScript.Opening(id, due.team(), decision.priority(), now.toEpochMilli(), history, firstResponseDue,
        resolutionDue, f);
  }

  /** The thread a mention belongs to, across the sources of one channel. */
  static String conversationKey(Mention m) {
    String conversation = m.details().conversationId();
    return conversation == null || conversation.isBlank() ? "" : m.channel() + ":" + conversation;
  }

  private Case read(UnifiedJedis jedis, String caseId) {
    Map<String, String> fields = jedis.hgetAll(keys.caseHash(caseId));
    return fields.isEmpty() ? null : CaseCodec.fromFields(fields);
  }

}
