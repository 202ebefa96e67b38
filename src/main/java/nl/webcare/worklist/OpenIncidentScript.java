package nl.webcare.worklist;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.mention.TriageClass;
import nl.webcare.sla.SlaBand;
import nl.webcare.sla.SlaPolicy;
import nl.webcare.store.LuaScript;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;

/** The KEYS and ARGV contract of {@code open_incident.lua}: a spike's incident case, opened once. */
final class OpenIncidentScript {
  static final LuaScript SCRIPT = LuaScript.load("open_incident");
  /** Where an incident says it came from, in place of a connector's name. */
  static final String SOURCE = "spike-detector";

  private final RedisGateway redis;
  private final RedisKeys keys;
  private final SlaPolicy sla;
  private final long alertStreamMaxLength;

  OpenIncidentScript(RedisGateway redis, SlaPolicy sla, long alertStreamMaxLength) {
    this.redis = redis;
    this.keys = redis.keys();
    this.sla = sla;
    this.alertStreamMaxLength = alertStreamMaxLength;
  }

  /** The incident's case id, opened now or before. */
  String run(UnifiedJedis jedis, Incident incident) {
    Instant now = Instant.now();
    SlaPolicy.Due due = sla.due(incident.team(), TriageClass.CRISIS.wire(), 1.0, now);
    String id = CaseReference.of(jedis.incr(keys.caseSequence()));
    List<String> scriptKeys = List.of(keys.spike(incident.spikeId()), keys.caseHash(id), keys.caseMentions(id),
        keys.caseHistory(id), keys.caseTags(id), keys.activeCases(), keys.casesInState(CaseState.NEW.wire()),
        keys.casesOfTeam(due.team()), keys.casesByOpening(), keys.slaDue("firstResponse"), keys.slaDue("resolution"),
        keys.alertStream(), keys.worklistVersion());
    String history = new CaseEvent(now, Actor.SYSTEM.name(), "opened", new JsonObject()
        .put("mentionId", incident.mentionIds().get(0)).put("triageClass", TriageClass.CRISIS.wire())
        .put("spikeId", incident.spikeId()).put("note", incident.summary())).encode();
    List<String> args = new ArrayList<>(List.of(id, Long.toString(incident.priority()),
        Long.toString(now.toEpochMilli()), Long.toString(alertStreamMaxLength), history,
        due.firstResponse() == null ? "" : CaseCodec.millis(due.firstResponse()),
        due.resolution() == null ? "" : CaseCodec.millis(due.resolution()),
        Integer.toString(incident.mentionIds().size())));
    args.addAll(incident.mentionIds());
    Map<String, String> fields = fields(id, incident, due, now);
    args.add(Integer.toString(fields.size()));
    ScriptArgs.pairs(args, fields);
    ScriptArgs.pairs(args, alert(incident, due));
    List<?> result = (List<?>) redis.evalScript(jedis, SCRIPT, scriptKeys, args);
    return (String) result.get(0);
  }

  private static Map<String, String> fields(String id, Incident incident, SlaPolicy.Due due, Instant now) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("id", id);
    f.put("mentionId", incident.mentionIds().get(0));
    f.put(CaseCodec.EXCERPT, CaseCodec.excerpt(incident.summary()));
    f.put("state", CaseState.NEW.wire());
    f.put("priority", Long.toString(incident.priority()));
    f.put("openedAt", CaseCodec.millis(now));
    f.put("lastMentionAt", CaseCodec.millis(now));
    f.put("mentionCount", Integer.toString(incident.mentionIds().size()));
    f.put("team", due.team());
    f.put("urgency", "1.0");
    f.put("triageClass", TriageClass.CRISIS.wire());
    f.put("source", SOURCE);
    f.put("brand", incident.brand());
    if (incident.channel() != null) {
      f.put("channel", incident.channel());
    }
    f.put("spikeId", incident.spikeId());
    f.put("slaBand", SlaBand.CRISIS.wire());
    if (due.firstResponse() != null) {
      f.put("firstResponseDue", CaseCodec.millis(due.firstResponse()));
    }
    if (due.resolution() != null) {
      f.put("resolutionDue", CaseCodec.millis(due.resolution()));
    }
    return f;
  }

  /** The case.opened alert: a crisis for the lead's team, saying what the spike is. */
  private static Map<String, String> alert(Incident incident, SlaPolicy.Due due) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("brand", incident.brand());
    if (incident.channel() != null) {
      a.put("channel", incident.channel());
    }
    a.put("team", due.team());
    a.put("triageClass", TriageClass.CRISIS.wire());
    a.put("urgency", "1.0");
    a.put("spikeId", incident.spikeId());
    a.put("excerpt", incident.summary());
    if (due.firstResponse() != null) {
      a.put("due", Long.toString(due.firstResponse().toEpochMilli()));
    }
    return a;
  }
}
