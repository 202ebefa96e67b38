package nl.webcare.worklist;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.webcare.alerts.AlertFields;
import nl.webcare.sla.SlaPolicy;
import nl.webcare.mention.AuthorKey;
import nl.webcare.mention.Mention;
import nl.webcare.mention.ScoredMention;
import nl.webcare.store.LuaScript;
import nl.webcare.store.PageCursor;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import nl.webcare.store.SortedSetPager;
import nl.webcare.triage.Triage;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * The worklist in Redis: a hash per case with lists for its mentions, notes and history and a set for
 * its tags; sorted sets by priority for the active cases, per state, per team and per assignee. Filing
 * a mention and every move are Lua scripts, so each is one atomic step.
 */
public final class RedisWorklist implements Worklist {
  private static final LuaScript OPEN = LuaScript.load("open_case");
  private static final LuaScript TRANSITION = LuaScript.load("transition_case");
  /** Alert text excerpts stay short; the full text is one GET away. */
  private static final int EXCERPT_CHARS = 280;
  /** A thread is followed this long after its last mention. */
  private static final Duration CONVERSATION_MEMORY = Duration.ofDays(30);
  /** A filtered page reads at most this many index entries, so one query cannot hold Redis up. */
  static final int MAX_SCAN = 5_000;

  private final RedisGateway redis;
  private final RedisKeys keys;
  private final long alertStreamMaxLength;
  private final Duration groupingWindow;
  private final SlaPolicy sla;

  public RedisWorklist(RedisGateway redis, long alertStreamMaxLength, Duration groupingWindow, SlaPolicy sla) {
    this.sla = sla;
    this.redis = redis;
    this.keys = redis.keys();
    this.alertStreamMaxLength = alertStreamMaxLength;
    this.groupingWindow = groupingWindow;
  }

  @Override
  public Future<Filing> file(ScoredMention scored, Triage.Decision decision, String team) {
    Mention m = scored.mention();
    Instant now = Instant.now();
    SlaPolicy.Due due = sla.due(team, decision.triageClass().wire(), decision.urgency(), now);
    Map<String, String> caseFields = caseFields(scored, decision);
    caseFields.put("slaBand", due.band().wire());
    caseFields.put("firstResponseDue", CaseCodec.millis(due.firstResponse()));
    caseFields.put("resolutionDue", CaseCodec.millis(due.resolution()));
    List<String> args = new ArrayList<>(List.of(keys.prefix(), m.id(), Long.toString(decision.priority()),
        CaseCodec.millis(now), Long.toString(alertStreamMaxLength), conversationKey(m), authorKey(m),
        Long.toString(groupingWindow.toMillis()), Long.toString(CONVERSATION_MEMORY.toMillis()),
        decision.needsReply() ? "1" : "0", due.team(),
        new CaseEvent(now, Actor.SYSTEM.name(), "opened", new JsonObject().put("mentionId", m.id())
            .put("triageClass", decision.triageClass().wire())).encode(),
        new CaseEvent(now, Actor.SYSTEM.name(), "mention.added", new JsonObject().put("mentionId", m.id())).encode(),
        Integer.toString(caseFields.size())));
    caseFields.forEach((k, v) -> {
      args.add(k);
      args.add(v);
    });
    AlertFields.of(scored, decision, EXCERPT_CHARS).forEach((k, v) -> {
      args.add(k);
      args.add(v);
    });
    List<String> scriptKeys = List.of(keys.caseByMention(m.id()), keys.caseSequence(), keys.alertStream());
    return redis.call(jedis -> {
      List<?> result = (List<?>) redis.evalScript(jedis, OPEN, scriptKeys, args);
      String id = (String) result.get(0);
      return new Filing(id.isEmpty() ? null : id, (String) result.get(1));
    });
  }

  /** The thread a mention belongs to, across the sources of one channel. */
  static String conversationKey(Mention m) {
    String conversation = m.details().conversationId();
    return conversation == null || conversation.isBlank() ? "" : m.channel() + ":" + conversation;
  }

  static String authorKey(Mention m) {
    String key = AuthorKey.of(m);
    return key == null ? "" : key;
  }

  private static Map<String, String> caseFields(ScoredMention scored, Triage.Decision decision) {
    Mention m = scored.mention();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("urgency", Double.toString(decision.urgency()));
    f.put("triageClass", decision.triageClass().wire());
    f.put("source", m.source());
    putIfPresent(f, "brand", m.brand());
    putIfPresent(f, "channel", m.channel());
    putIfPresent(f, "language", m.language() != null ? m.language() : scored.sentiment().language());
    putIfPresent(f, "author", m.author());
    String authorKey = authorKey(m);
    putIfPresent(f, "authorKey", authorKey.isEmpty() ? null : authorKey);
    return f;
  }

  private static void putIfPresent(Map<String, String> f, String key, String value) {
    if (value != null) {
      f.put(key, value);
    }
  }

  @Override
  public Future<Page> cases(CaseQuery query, int limit, PageCursor after) {
    String index = query.assignee() != null ? keys.casesOfAssignee(query.assignee())
        : query.team() != null ? keys.casesOfTeam(query.team())
        : query.state() != null ? keys.casesInState(query.state().wire())
        : keys.activeCases();
    return redis.call(jedis -> filteredPage(jedis, index, query, limit, after));
  }

  /**
   * Reads the index in priority order and keeps the cases that match, until the page is full or
   * {@link #MAX_SCAN} entries were read; the cursor then points after the last entry read, so the next
   * page goes on from there.
   */
  private Page filteredPage(UnifiedJedis jedis, String index, CaseQuery query, int limit, PageCursor after) {
    List<Case> found = new ArrayList<>();
    PageCursor cursor = after;
    int scanned = 0;
    while (found.size() < limit && scanned < MAX_SCAN) {
      int batch = Math.min(Math.max(limit * 2, 50), MAX_SCAN - scanned);
      List<Tuple> entries = SortedSetPager.page(jedis, index, cursor, batch);
      if (entries.isEmpty()) {
        return new Page(found, null);
      }
      List<Case> cases = readAll(jedis, entries.stream().map(Tuple::getElement).toList());
      for (int i = 0; i < entries.size(); i++) {
        scanned++;
        cursor = SortedSetPager.cursorAfter(entries.get(i));
        Case c = i < cases.size() ? cases.get(i) : null;
        if (c != null && query.matches(c) && (query.state() != null || !c.state().closed())) {
          found.add(c);
          if (found.size() == limit) {
            return new Page(found, cursor);
          }
        }
      }
      if (entries.size() < batch) {
        return new Page(found, null);
      }
    }
    return new Page(found, cursor);
  }

  @Override
  public Future<Case> find(String caseId) {
    return redis.call(jedis -> read(jedis, caseId));
  }

  @Override
  public Future<CaseDetails> details(String caseId) {
    return redis.call(jedis -> {
      Case current = read(jedis, caseId);
      if (current == null) {
        return null;
      }
      List<CaseNote> notes = jedis.lrange(keys.caseNotes(caseId), 0, -1).stream().map(CaseNote::decode).toList();
      List<CaseEvent> history = jedis.lrange(keys.caseHistory(caseId), 0, -1).stream().map(CaseEvent::decode).toList();
      Set<String> tags = new java.util.TreeSet<>(jedis.smembers(keys.caseTags(caseId)));
      List<CaseReply> replies = jedis.lrange(keys.caseReplies(caseId), 0, -1).stream().map(CaseReply::decode).toList();
      List<CaseHandoff> handoffs = jedis.lrange(keys.caseHandoffs(caseId), 0, -1).stream().map(CaseHandoff::decode)
          .toList();
      return new CaseDetails(current, jedis.lrange(keys.caseMentions(caseId), 0, -1), notes, tags, replies, handoffs,
          history);
    });
  }

  @Override
  public Future<Transition> act(String caseId, CaseAction action, Actor actor, String newHolder,
      Map<String, String> set, List<String> clear, JsonObject detail) {
    Instant now = Instant.now();
    String assignee = action.assignee != null ? action.assignee : newHolder;
    JsonObject history = detail == null ? new JsonObject() : detail.copy();
    if (newHolder != null) {
      history.put("to", newHolder);
    }
    List<String> args = new ArrayList<>(List.of(keys.prefix(), caseId, actor.name(), actor.mayOverride() ? "1" : "0",
        CaseCodec.millis(now), action.moves, action.holderRule, assignee == null ? "" : assignee,
        new CaseEvent(now, actor.name(), action.wire(), history).encode(), Integer.toString(set.size())));
    set.forEach((k, v) -> {
      args.add(k);
      args.add(v);
    });
    args.addAll(clear);
    return redis.call(jedis -> {
      List<?> result = (List<?>) redis.evalScript(jedis, TRANSITION,
          List.of(keys.caseHash(caseId), keys.caseHistory(caseId)), args);
      String outcome = (String) result.get(0);
      CaseState state = CaseState.fromWire((String) result.get(1));
      String holder = ((String) result.get(2)).isEmpty() ? null : (String) result.get(2);
      Case current = "missing".equals(outcome) ? null : read(jedis, caseId);
      Transition.Outcome o = switch (outcome) {
        case "done" -> Transition.Outcome.DONE;
        case "held" -> Transition.Outcome.HELD;
        case "forbidden" -> Transition.Outcome.FORBIDDEN;
        default -> Transition.Outcome.NOT_FOUND;
      };
      return new Transition(o, state, holder, current);
    });
  }

  @Override
  public Future<CaseNote> addNote(String caseId, Actor actor, String text) {
    CaseNote note = new CaseNote(Instant.now(), actor.name(), text);
    CaseEvent event = new CaseEvent(note.at(), actor.name(), "note.added", new JsonObject());
    return redis.call(jedis -> {
      if (!jedis.exists(keys.caseHash(caseId))) {
        return null;
      }
      try (var tx = jedis.multi()) {
        tx.rpush(keys.caseNotes(caseId), note.encode());
        tx.rpush(keys.caseHistory(caseId), event.encode());
        tx.exec();
      }
      return note;
    });
  }

  @Override
  public Future<Set<String>> tag(String caseId, Actor actor, Set<String> add, Set<String> remove) {
    CaseEvent event = new CaseEvent(Instant.now(), actor.name(), "tags.changed",
        new JsonObject().put("added", new io.vertx.core.json.JsonArray(List.copyOf(add)))
            .put("removed", new io.vertx.core.json.JsonArray(List.copyOf(remove))));
    return redis.call(jedis -> {
      if (!jedis.exists(keys.caseHash(caseId))) {
        return null;
      }
      String key = keys.caseTags(caseId);
      try (var tx = jedis.multi()) {
        if (!add.isEmpty()) {
          tx.sadd(key, add.toArray(String[]::new));
        }
        if (!remove.isEmpty()) {
          tx.srem(key, remove.toArray(String[]::new));
        }
        tx.rpush(keys.caseHistory(caseId), event.encode());
        tx.exec();
      }
      return new java.util.TreeSet<>(jedis.smembers(key));
    });
  }

  @Override
  public Future<Void> recordReply(String caseId, CaseReply reply) {
    return redis.call(jedis -> {
      jedis.rpush(keys.caseReplies(caseId), reply.encode());
      return null;
    });
  }

  @Override
  public Future<Boolean> recordHandoff(String caseId, CaseHandoff handoff) {
    CaseEvent event = new CaseEvent(handoff.at(), handoff.agent(), "handoff",
        new JsonObject().put("channel", handoff.channel()));
    return redis.call(jedis -> {
      if (!jedis.exists(keys.caseHash(caseId))) {
        return false;
      }
      try (var tx = jedis.multi()) {
        tx.rpush(keys.caseHandoffs(caseId), handoff.encode());
        tx.rpush(keys.caseHistory(caseId), event.encode());
        tx.exec();
      }
      return true;
    });
  }

  @Override
  public Future<String> lastMentionId(String caseId) {
    return redis.call(jedis -> jedis.lindex(keys.caseMentions(caseId), -1));
  }

  @Override
  public Future<List<String>> snoozedUntil(Instant now, int limit) {
    return redis.call(jedis -> List.copyOf(
        jedis.zrangeByScore(keys.snoozedCases(), 0, now.toEpochMilli(), 0, limit)));
  }

  private Case read(UnifiedJedis jedis, String caseId) {
    Map<String, String> fields = jedis.hgetAll(keys.caseHash(caseId));
    return fields.isEmpty() ? null : CaseCodec.fromFields(fields);
  }

  /** The cases in order; a slot is null where a case hash has gone (retention). */
  private List<Case> readAll(UnifiedJedis jedis, List<String> caseIds) {
    List<Case> cases = new ArrayList<>();
    if (caseIds.isEmpty()) {
      return cases;
    }
    try (AbstractPipeline pipeline = jedis.pipelined()) {
      List<Response<Map<String, String>>> responses = new ArrayList<>();
      for (String id : caseIds) {
        responses.add(pipeline.hgetAll(keys.caseHash(id)));
      }
      pipeline.sync();
      for (Response<Map<String, String>> response : responses) {
        cases.add(response.get().isEmpty() ? null : CaseCodec.fromFields(response.get()));
      }
    }
    return cases;
  }
}
