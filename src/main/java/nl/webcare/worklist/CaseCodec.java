package nl.webcare.worklist;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.webcare.mention.AuthorKey;
import nl.webcare.mention.Mention;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.TriageClass;
import nl.webcare.sla.SlaBand;
import nl.webcare.sla.SlaPolicy;
import nl.webcare.triage.Triage;

/**
 * Case hashes to records, and commands to the fields they write: the only Java class that names a field of
 * a case hash (the Lua scripts name the few they index by). Here because only the worklist writes them.
 */
final class CaseCodec {
  private CaseCodec() {}

  static Case fromFields(Map<String, String> f) {
    CaseState state = CaseState.fromWire(f.get("state"));
    if (state == null) {
      throw new IllegalStateException("case " + f.get("id") + " has an unknown state " + f.get("state"));
    }
    SlaBand band = f.get("slaBand") == null ? null : SlaBand.valueOf(f.get("slaBand").toUpperCase(Locale.ROOT));
    SlaClocks sla = new SlaClocks(band, instant(f.get("firstResponseDue")), instant(f.get("firstResponseAt")),
        instant(f.get("firstResponseBreachedAt")), instant(f.get("resolutionDue")),
        instant(f.get("resolutionBreachedAt")), instant(f.get("nextReplyDue")), instant(f.get("nextReplyBreachedAt")),
        instant(f.get("lastReplyAt")));
    Closure closure = f.get("resolvedAt") == null ? null
        : new Closure(instant(f.get("resolvedAt")), f.get("closedBy"), f.get("dismissReason"));
    Escalation escalation = f.get("escalatedFrom") == null && f.get("escalationReason") == null ? null
        : new Escalation(f.get("escalatedFrom"), f.get("escalationReason"));
    return new Case(f.get("id"), f.get("mentionId"), state, Long.parseLong(f.get("priority")),
        Double.parseDouble(f.getOrDefault("urgency", "0")), triageClass(f.get("triageClass")), f.get("brand"),
        f.get("source"), f.get("channel"), f.get("language"), f.get("team"), f.get("assignee"), f.get("author"),
        f.get("authorKey"), instant(f.get("openedAt")), instant(f.get("lastMentionAt")),
        Integer.parseInt(f.getOrDefault("mentionCount", "1")), instant(f.get("snoozedUntil")), sla, closure,
        escalation, figures(f), f.get(EXCERPT));
  }

  /** Fields of the case's own figures; {@code held|<agent>} per agent. */
  static final String REPLIES = "replyCount";
  static final String REOPENS = "reopenCount";
  static final String ESCALATIONS = "escalationCount";
  static final String HANDOFFS = "handoffCount";
  static final String HELD_PREFIX = "held|";
  static final String HELD_SINCE = "heldSince";
  static final String FIRST_RESOLVED_AT = "firstResolvedAt";
  static final String REPLIES_AT_FIRST_RESOLUTION = "repliesAtFirstResolution";
  static final String REOPENED_WITHIN_WINDOW = "reopenedWithinWindow";
  static final String SURVEY_SENT_AT = "surveySentAt";
  static final String CSAT_SCORE = "csatScore";
  static final String CSAT_COMMENT = "csatComment";
  static final String CSAT_AT = "csatAt";
  static final String RECOVERY_BEFORE = "recoveryBefore";
  static final String RECOVERY_AFTER = "recoveryAfter";
  static final String RECOVERY_MENTIONS_AFTER = "recoveryMentionsAfter";
  static final String RECOVERY_CAME_BACK = "recoveryCameBack";
  static final String RECOVERY_AT = "recoveryAt";

  private static CaseFigures figures(Map<String, String> f) {
    Map<String, Long> held = new java.util.HashMap<>();
    f.forEach((k, v) -> {
      if (k.startsWith(HELD_PREFIX)) {
        held.put(k.substring(HELD_PREFIX.length()), Long.parseLong(v));
      }
    });
    String atFirst = f.get(REPLIES_AT_FIRST_RESOLUTION);
    return new CaseFigures(count(f, REPLIES), count(f, REOPENS), count(f, ESCALATIONS), count(f, HANDOFFS), held,
        instant(f.get(HELD_SINCE)), instant(f.get(FIRST_RESOLVED_AT)), atFirst == null ? null : Integer.parseInt(atFirst),
        "1".equals(f.get(REOPENED_WITHIN_WINDOW)), instant(f.get(SURVEY_SENT_AT)),
        f.get(CSAT_SCORE) == null ? null : new CaseFigures.Satisfaction(Integer.parseInt(f.get(CSAT_SCORE)),
            f.get(CSAT_COMMENT), instant(f.get(CSAT_AT))), recovery(f));
  }

  private static CaseFigures.Recovery recovery(Map<String, String> f) {
    if (f.get(RECOVERY_AT) == null) {
      return null;
    }
    return new CaseFigures.Recovery(number(f.get(RECOVERY_BEFORE)), number(f.get(RECOVERY_AFTER)),
        count(f, RECOVERY_MENTIONS_AFTER), "1".equals(f.get(RECOVERY_CAME_BACK)), instant(f.get(RECOVERY_AT)));
  }

  private static Double number(String text) {
    return text == null || text.isEmpty() ? null : Double.valueOf(text);
  }

  private static int count(Map<String, String> f, String field) {
    return Integer.parseInt(f.getOrDefault(field, "0"));
  }

  /** Cases filed before the triage class was kept are complaints: that is what opened a case then. */
  private static TriageClass triageClass(String wire) {
    return wire == null ? TriageClass.COMPLAINT : TriageClass.valueOf(wire.toUpperCase(Locale.ROOT));
  }

  /**
   * The fields {@code command} writes on {@code current} (already checked by {@link CaseRules}); {@code returnTeam}
   * is where a returned case goes.
   */
  static CaseWrites writes(CaseCommand command, Case current, Actor actor, Instant now, String returnTeam) {
    Map<String, String> set = new LinkedHashMap<>();
    Map<String, String> setIfAbsent = new LinkedHashMap<>();
    List<String> delete = List.of();
    String team = current.team();
    Instant wakeAt = null;
    JsonObject detail = new JsonObject();
    if (command instanceof CaseCommand.Reassign r) {
      detail.put("to", r.agent());
    } else if (command instanceof CaseCommand.Escalate e) {
      team = e.team();
      set.put("escalatedFrom", current.team());
      set.put("escalationReason", e.reason());
      detail.put("team", e.team()).put("reason", e.reason());
    } else if (command instanceof CaseCommand.Return r) {
      team = returnTeam;
      delete = List.of("escalatedFrom");
      putNote(detail, r.note()).put("team", team);
    } else if (command instanceof CaseCommand.Snooze s) {
      wakeAt = s.until();
      set.put("snoozedUntil", millis(s.until()));
      detail.put("until", s.until().toString());
    } else if (command instanceof CaseCommand.Wake) {
      delete = List.of("snoozedUntil");
    } else if (command instanceof CaseCommand.Reply r) {
      String at = millis(r.reply().at());
      setIfAbsent.put("firstResponseAt", at);
      set.put("lastReplyAt", at);
      delete = List.of("nextReplyDue");
      detail.put("channel", r.reply().channel()).put("postId", r.reply().postId()).put("link", r.reply().link());
    } else if (command instanceof CaseCommand.Resolve r) {
      closed(set, actor, now);
      putNote(detail, r.note());
    } else if (command instanceof CaseCommand.Dismiss d) {
      closed(set, actor, now);
      set.put("dismissReason", d.reason());
      detail.put("reason", d.reason());
    } else if (command instanceof CaseCommand.Reopen r) {
      delete = List.of("resolvedAt", "closedBy", "dismissReason");
      putNote(detail, r.note());
    } else if (command instanceof CaseCommand.Tags t) {
      detail.put("added", new JsonArray(List.copyOf(t.add()))).put("removed", new JsonArray(List.copyOf(t.remove())));
    } else if (command instanceof CaseCommand.Handoff h) {
      detail.put("channel", h.handoff().channel());
    } else if (command instanceof CaseCommand.Rated r) {
      detail.put("score", r.score());
    }
    return new CaseWrites(set, setIfAbsent, delete, Map.of(), team, wakeAt, detail);
  }

  /** The first words of the opening mention, kept on the case so that a worklist row needs no read of the mention. */
  static final String EXCERPT = "excerpt";

  static String excerpt(String text) {
    return Case.excerptOf(text);
  }

  /** The hash of a case opened now for {@code scored}, in {@code due}'s team. */
  static Map<String, String> newCaseFields(String id, ScoredMention scored, Triage.Decision decision,
      SlaPolicy.Due due, Instant now) {
    Mention m = scored.mention();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("id", id);
    f.put("mentionId", m.id());
    putIfPresent(f, EXCERPT, excerpt(m.fullText()));
    f.put("state", CaseState.NEW.wire());
    f.put("priority", Long.toString(decision.priority()));
    f.put("openedAt", millis(now));
    f.put("lastMentionAt", millis(now));
    f.put("mentionCount", "1");
    f.put("team", due.team());
    f.put("urgency", Double.toString(decision.urgency()));
    f.put("triageClass", decision.triageClass().wire());
    f.put("source", m.source());
    putIfPresent(f, "brand", m.brand());
    putIfPresent(f, "channel", m.channel());
    putIfPresent(f, "language", m.language() != null ? m.language() : scored.sentiment().language());
    putIfPresent(f, "author", m.author());
    putIfPresent(f, "authorKey", AuthorKey.of(m));
    f.put("slaBand", due.band().wire());
    putIfPresent(f, "firstResponseDue", due.firstResponse() == null ? null : millis(due.firstResponse()));
    putIfPresent(f, "resolutionDue", due.resolution() == null ? null : millis(due.resolution()));
    return f;
  }

  private static void putIfPresent(Map<String, String> f, String key, String value) {
    if (value != null) {
      f.put(key, value);
    }
  }

  /** The name of the history entry of a command. */
  static String historyAction(CaseCommand command) {
    if (command instanceof CaseCommand.Note) {
      return "note.added";
    }
    if (command instanceof CaseCommand.Tags) {
      return "tags.changed";
    }
    if (command instanceof CaseCommand.SurveySent) {
      return "survey.sent";
    }
    if (command instanceof CaseCommand.Rated) {
      return "survey.answered";
    }
    if (command instanceof CaseCommand.RecoveryMeasured) {
      return "recovery.measured";
    }
    return command instanceof CaseCommand.Handoff ? "handoff" : command.move().wire();
  }

  private static void closed(Map<String, String> set, Actor actor, Instant now) {
    set.put("resolvedAt", millis(now));
    set.put("closedBy", actor.name());
  }

  private static JsonObject putNote(JsonObject detail, String note) {
    return note == null ? detail : detail.put("note", note);
  }

  static String millis(Instant at) {
    return Long.toString(at.toEpochMilli());
  }

  private static Instant instant(String millis) {
    return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
  }
}
