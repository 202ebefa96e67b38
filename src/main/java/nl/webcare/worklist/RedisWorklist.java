package nl.webcare.worklist;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.webcare.sla.SlaPolicy;
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
  /** The scripts this class runs, for loading at start. */
  public static final List<LuaScript> SCRIPTS = List.of(TransitionScript.SCRIPT, OpenCaseScript.SCRIPT,
      JoinCaseScript.SCRIPT, OpenIncidentScript.SCRIPT);
  /** A thread is followed this long after its last mention. */
  private static final Duration CONVERSATION_MEMORY = Duration.ofDays(30);
  /** A filtered page reads at most this many index entries, so one query cannot hold Redis up. */
  static final int MAX_SCAN = 5_000;
  /** A command on a case that changes under it this often in a row gives up (the caller may try again). */
  private static final int MAX_ATTEMPTS = 10;

  private final RedisGateway redis;
  private final RedisKeys keys;
  private final CaseFiling filing;
  private final CaseRules rules;
  private final TransitionScript transition;
  private final OpenIncidentScript incidents;
  private final java.time.Clock clock;

  public RedisWorklist(RedisGateway redis, long alertStreamMaxLength, Duration groupingWindow, SlaPolicy sla,
      List<String> teams) {
    this(redis, alertStreamMaxLength, groupingWindow, sla, teams, java.time.Clock.systemUTC());
  }

  /** As above, on {@code clock} (tests move it to measure times across business hours and snoozes). */
  public RedisWorklist(RedisGateway redis, long alertStreamMaxLength, Duration groupingWindow, SlaPolicy sla,
      List<String> teams, java.time.Clock clock) {
    this.clock = clock;
    this.redis = redis;
    this.keys = redis.keys();
    FilingLimits limits = new FilingLimits(alertStreamMaxLength, CONVERSATION_MEMORY.toMillis(),
        groupingWindow.toMillis());
    this.filing = new CaseFiling(keys, new OpenCaseScript(redis, limits), new JoinCaseScript(redis, limits), sla,
        groupingWindow, clock);
    this.rules = new CaseRules(teams);
    this.transition = new TransitionScript(redis, alertStreamMaxLength);
    this.incidents = new OpenIncidentScript(redis, sla, alertStreamMaxLength);
  }

  @Override
  public Future<Filing> file(ScoredMention scored, Triage.Decision decision, String team, boolean crisisBand) {
    return redis.call(jedis -> filing.file(jedis, scored, decision, team, crisisBand));
  }

  @Override
  public Future<String> openIncident(Incident incident) {
    return redis.call(jedis -> incidents.run(jedis, incident));
  }

  @Override
  public Future<Long> version() {
    return redis.call(jedis -> {
      String v = jedis.get(keys.worklistVersion());
      return v == null ? 0L : Long.parseLong(v);
    });
  }

  @Override
  public Future<Page> cases(CaseQuery query, int limit, PageCursor after) {
    String index = query.assignee() != null ? keys.casesOfAssignee(query.assignee())
        : query.team() != null ? keys.casesOfTeam(query.team())
        : query.teams().size() == 1 ? keys.casesOfTeam(query.teams().iterator().next())
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
        if (c != null && query.matches(c)) {
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
  public Future<Transition> apply(String caseId, Actor actor, CaseCommand command) {
    return redis.call(jedis -> applyNow(jedis, caseId, actor, command));
  }

  private Transition applyNow(UnifiedJedis jedis, String caseId, Actor actor, CaseCommand command) {
    Instant now = clock.instant();
    if (command instanceof CaseCommand.Reply reply && jedis.exists(keys.caseHash(caseId))) {
      // the reply went out: it is kept whatever happens to the move
      jedis.rpush(keys.caseReplies(caseId), reply.reply().encode());
    }
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Case read = read(jedis, caseId);
      if (read == null) {
        return Transition.notFound(now);
      }
      if (!actor.worksIn(read.team())) {
        return new Transition(Transition.Outcome.OTHER_TEAM, read.state(), read.assignee(), read, now, null);
      }
      String problem = rules.problem(command, read, now);
      if (problem != null) {
        return Transition.invalid(read, now, problem);
      }
      String named = command instanceof CaseCommand.Reassign r ? r.agent() : null;
      CaseMove.Decision decision = command.move().decide(read.state(), read.assignee(), actor, named);
      if (decision.outcome() != Transition.Outcome.DONE) {
        return new Transition(decision.outcome(), decision.state(), decision.holder(), read, now, null);
      }
      CaseWrites writes = CaseMeasures.add(CaseCodec.writes(command, read, actor, now, rules.returnTeam(read)), read,
          command.move(), decision.state(), decision.holder(), now);
      String history = new CaseEvent(now, actor.name(), CaseCodec.historyAction(command), writes.detail()).encode();
      if (command.move() == CaseMove.ANNOTATE) {
        annotate(jedis, caseId, command, actor, now, history);
        return done(jedis, caseId, now);
      }
      TransitionScript.Result result = transition.run(jedis, read, command.move(), actor.name(),
          decision.state(), decision.holder(), writes, history, now);
      if (result == TransitionScript.Result.DONE) {
        return done(jedis, caseId, now);
      }
      if (result == TransitionScript.Result.MISSING) {
        return Transition.notFound(now);
      }
    }
    throw new IllegalStateException("case " + caseId + " kept changing while " + command.move().wire()
        + " was applied; try again");
  }

  private Transition done(UnifiedJedis jedis, String caseId, Instant now) {
    Case current = read(jedis, caseId);
    return current == null ? Transition.notFound(now)
        : new Transition(Transition.Outcome.DONE, current.state(), current.assignee(), current, now, null);
  }

  /** Notes, tags and hand-offs: kept with their history entry in one transaction, the state untouched. */
  private void annotate(UnifiedJedis jedis, String caseId, CaseCommand command, Actor actor, Instant now,
      String history) {
    try (var tx = redis.multi(jedis, keys.caseHash(caseId))) {
      if (command instanceof CaseCommand.Note note) {
        tx.rpush(keys.caseNotes(caseId), new CaseNote(now, actor.name(), note.text()).encode());
      } else if (command instanceof CaseCommand.Tags tags) {
        if (!tags.add().isEmpty()) {
          tx.sadd(keys.caseTags(caseId), tags.add().toArray(String[]::new));
        }
        if (!tags.remove().isEmpty()) {
          tx.srem(keys.caseTags(caseId), tags.remove().toArray(String[]::new));
        }
      } else if (command instanceof CaseCommand.Handoff handoff) {
        tx.rpush(keys.caseHandoffs(caseId), handoff.handoff().encode());
        tx.hincrBy(keys.caseHash(caseId), CaseCodec.HANDOFFS, 1);
      } else if (command instanceof CaseCommand.SurveySent sent) {
        tx.hset(keys.caseHash(caseId), CaseCodec.SURVEY_SENT_AT, CaseCodec.millis(sent.at()));
      } else if (command instanceof CaseCommand.Rated rated) {
        Map<String, String> answer = new java.util.LinkedHashMap<>(Map.of(CaseCodec.CSAT_SCORE,
            Integer.toString(rated.score()), CaseCodec.CSAT_AT, CaseCodec.millis(rated.at())));
        if (rated.comment() != null) {
          answer.put(CaseCodec.CSAT_COMMENT, rated.comment());
        }
        tx.hset(keys.caseHash(caseId), answer);
      } else if (command instanceof CaseCommand.RecoveryMeasured measured) {
        CaseFigures.Recovery r = measured.recovery();
        tx.hset(keys.caseHash(caseId), Map.of(CaseCodec.RECOVERY_BEFORE, r.before() == null ? "" : r.before().toString(),
            CaseCodec.RECOVERY_AFTER, r.after() == null ? "" : r.after().toString(),
            CaseCodec.RECOVERY_MENTIONS_AFTER, Integer.toString(r.mentionsAfter()),
            CaseCodec.RECOVERY_CAME_BACK, r.cameBack() ? "1" : "0", CaseCodec.RECOVERY_AT, CaseCodec.millis(r.measuredAt())));
      }
      tx.rpush(keys.caseHistory(caseId), history);
      tx.incr(keys.worklistVersion());
      tx.exec();
    }
  }

  @Override
  public Future<Set<String>> tags(String caseId) {
    return redis.call(jedis -> jedis.exists(keys.caseHash(caseId))
        ? new java.util.TreeSet<>(jedis.smembers(keys.caseTags(caseId))) : null);
  }

  @Override
  public Future<String> lastMentionId(String caseId) {
    return redis.call(jedis -> jedis.lindex(keys.caseMentions(caseId), -1));
  }

  @Override
  public Future<List<Case>> closedBetween(Instant from, Instant to, int limit) {
    return redis.call(jedis -> {
      List<String> ids = List.copyOf(jedis.zrangeByScore(keys.closedCases(), from.toEpochMilli(),
          to.toEpochMilli() - 1, 0, limit));
      List<Case> cases = new ArrayList<>(ids.size());
      for (int start = 0; start < ids.size(); start += 1000) {
        List<Response<Map<String, String>>> answers = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined(jedis)) {
          ids.subList(start, Math.min(ids.size(), start + 1000))
              .forEach(id -> answers.add(pipeline.hgetAll(keys.caseHash(id))));
          pipeline.sync();
        }
        answers.stream().map(Response::get).filter(f -> !f.isEmpty()).map(CaseCodec::fromFields).forEach(cases::add);
      }
      return cases;
    });
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
    try (AbstractPipeline pipeline = redis.pipelined(jedis)) {
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
