package nl.webcare.worklist;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.mention.Mention;
import nl.webcare.mention.ScoredMention;
import nl.webcare.store.LuaScript;
import nl.webcare.store.PageCursor;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import nl.webcare.store.SortedSetPager;
import nl.webcare.alerts.AlertFields;
import nl.webcare.triage.Triage;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * The worklist in Redis: a hash per case, the sorted set {@code worklist:open} by priority, and Lua
 * scripts for every transition so that a claim or resolve is one atomic step.
 */
public final class RedisWorklist implements Worklist {
  private static final LuaScript OPEN = LuaScript.load("open_case");
  private static final LuaScript CLAIM = LuaScript.load("claim_case");
  private static final LuaScript RESOLVE = LuaScript.load("resolve_case");
  /** Alert text excerpts stay short; the full text is one GET away. */
  private static final int EXCERPT_CHARS = 280;

  private final RedisGateway redis;
  private final RedisKeys keys;
  private final long alertStreamMaxLength;

  public RedisWorklist(RedisGateway redis, long alertStreamMaxLength) {
    this.redis = redis;
    this.keys = redis.keys();
    this.alertStreamMaxLength = alertStreamMaxLength;
  }

  @Override
  public Future<Case> open(ScoredMention scored, Triage.Decision decision) {
    Mention m = scored.mention();
    Map<String, String> caseFields = caseFields(scored, decision);
    Map<String, String> alertFields = AlertFields.of(scored, decision, EXCERPT_CHARS);
    List<String> args = new ArrayList<>(List.of(keys.prefix(), m.id(), Long.toString(decision.priority()),
        Long.toString(System.currentTimeMillis()), Long.toString(alertStreamMaxLength),
        Integer.toString(caseFields.size())));
    caseFields.forEach((k, v) -> {
      args.add(k);
      args.add(v);
    });
    alertFields.forEach((k, v) -> {
      args.add(k);
      args.add(v);
    });
    List<String> scriptKeys = List.of(keys.caseByMention(m.id()), keys.caseSequence(), keys.openCases(),
        keys.alertStream());
    return redis.call(jedis -> {
      List<?> result = (List<?>) redis.evalScript(jedis, OPEN, scriptKeys, args);
      return read(jedis, (String) result.get(0));
    });
  }

  private static Map<String, String> caseFields(ScoredMention scored, Triage.Decision decision) {
    Mention m = scored.mention();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("urgency", Double.toString(decision.urgency()));
    f.put("triageClass", decision.triageClass().wire());
    f.put("source", m.source());
    if (m.brand() != null) {
      f.put("brand", m.brand());
    }
    if (m.channel() != null) {
      f.put("channel", m.channel());
    }
    return f;
  }

  @Override
  public Future<Page> openCases(int limit, PageCursor after) {
    return redis.call(jedis -> {
      List<Tuple> page = SortedSetPager.page(jedis, keys.openCases(), after, limit);
      List<Case> cases = readAll(jedis, page.stream().map(Tuple::getElement).toList());
      PageCursor next = page.size() < limit ? null : SortedSetPager.cursorAfter(page.get(page.size() - 1));
      return new Page(cases, next);
    });
  }

  @Override
  public Future<Case> find(String caseId) {
    return redis.call(jedis -> read(jedis, caseId));
  }

  @Override
  public Future<Transition> claim(String caseId, String agent) {
    return transition(CLAIM, List.of(keys.caseHash(caseId)),
        List.of(agent, Long.toString(System.currentTimeMillis())), caseId);
  }

  @Override
  public Future<Transition> resolve(String caseId, String agent) {
    return transition(RESOLVE, List.of(keys.caseHash(caseId), keys.openCases(), keys.resolvedCases()),
        List.of(agent, Long.toString(System.currentTimeMillis()), caseId), caseId);
  }

  private Future<Transition> transition(LuaScript script, List<String> scriptKeys, List<String> args, String caseId) {
    return redis.call(jedis -> {
      List<?> result = (List<?>) redis.evalScript(jedis, script, scriptKeys, args);
      String outcome = (String) result.get(0);
      String holder = (String) result.get(1);
      Case current = read(jedis, caseId);
      return switch (outcome) {
        case "done" -> new Transition(Transition.Outcome.DONE, holder, current);
        case "held" -> new Transition(Transition.Outcome.HELD, holder, current);
        case "closed" -> new Transition(Transition.Outcome.CLOSED, holder, current);
        default -> new Transition(Transition.Outcome.NOT_FOUND, null, null);
      };
    });
  }

  private Case read(UnifiedJedis jedis, String caseId) {
    Map<String, String> fields = jedis.hgetAll(keys.caseHash(caseId));
    return fields.isEmpty() ? null : CaseCodec.fromFields(fields);
  }

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
        if (!response.get().isEmpty()) {
          cases.add(CaseCodec.fromFields(response.get()));
        }
      }
    }
    return cases;
  }

  /** Case hashes to records; here because only the worklist writes them. */
  static final class CaseCodec {
    private CaseCodec() {}

    static Case fromFields(Map<String, String> f) {
      return new Case(f.get("id"), f.get("mentionId"), CaseState.fromWire(f.get("state")),
          Long.parseLong(f.get("priority")), Double.parseDouble(f.getOrDefault("urgency", "0")),
          f.getOrDefault("triageClass", "complaint"), f.get("brand"),
          f.get("source"), f.get("channel"), f.get("assignee"), instant(f.get("openedAt")),
          instant(f.get("claimedAt")), instant(f.get("resolvedAt")), f.get("resolvedBy"));
    }

    private static Instant instant(String millis) {
      return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
  }
}
