package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.webcare.access.Permission;
import nl.webcare.metrics.WebcareMetrics;
import nl.webcare.store.MentionStore;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.CaseAction;
import nl.webcare.worklist.Transition;
import nl.webcare.worklist.Worklist;

/**
 * The moves of a case over HTTP ({@code POST /cases/{id}/claim}, {@code /release}, {@code /reassign},
 * {@code /escalate}, {@code /return}, {@code /snooze}, {@code /resolve}, {@code /dismiss}, {@code /reopen}),
 * its notes and tags. Each request is validated before anything changes; a move the state table does not
 * allow is 409 {@code transition_not_allowed} with the current state, a case another agent holds 409
 * {@code case_held} naming the holder.
 */
final class CaseActionRoutes {
  private static final int MAX_REASON = 500;
  private static final int MAX_NOTE = 5_000;
  private static final Duration MAX_SNOOZE = Duration.ofDays(30);
  private final Worklist worklist;
  private final MentionStore mentions;
  private final List<String> teams;
  private final WebcareMetrics metrics;

  CaseActionRoutes(Worklist worklist, MentionStore mentions, List<String> teams, WebcareMetrics metrics) {
    this.metrics = metrics;
    this.worklist = worklist;
    this.mentions = mentions;
    this.teams = List.copyOf(teams);
  }

  void mount(Router api) {
    move(api, "claim", ctx -> act(ctx, CaseAction.CLAIM, null, Map.of(), List.of(), new JsonObject()));
    move(api, "release", ctx -> act(ctx, CaseAction.RELEASE, null, Map.of(), List.of(), new JsonObject()));
    api.post("/cases/:id/reassign").handler(Authentication.requires(Permission.LEAD_CASES))
        .handler(Responses.json(this::reassign));
    move(api, "escalate", this::escalate);
    move(api, "return", this::giveBack);
    move(api, "snooze", this::snooze);
    move(api, "resolve", ctx -> act(ctx, CaseAction.RESOLVE, null, closeFields(ctx), List.of(), noteDetail(ctx)));
    move(api, "dismiss", this::dismiss);
    move(api, "reopen", ctx -> act(ctx, CaseAction.REOPEN, null, Map.of(),
        List.of("resolvedAt", "closedBy", "dismissReason"), noteDetail(ctx)));
    api.post("/cases/:id/notes").handler(Authentication.requires(Permission.WORK_CASES))
        .handler(Responses.json(201, this::addNote));
    api.post("/cases/:id/tags").handler(Authentication.requires(Permission.WORK_CASES))
        .handler(Responses.json(this::tag));
  }

  private static void move(Router api, String name, java.util.function.Function<RoutingContext, Future<JsonObject>> h) {
    api.post("/cases/:id/" + name).handler(Authentication.requires(Permission.WORK_CASES)).handler(Responses.json(h));
  }

  private Future<JsonObject> reassign(RoutingContext ctx) {
    String agent = RequestReader.text(RequestReader.jsonBody(ctx), "agent", RequestReader.MAX_NAME_CHARS);
    return act(ctx, CaseAction.REASSIGN, agent, Map.of(), List.of(), new JsonObject());
  }

  private Future<JsonObject> escalate(RoutingContext ctx) {
    JsonObject body = RequestReader.jsonBody(ctx);
    String team = RequestReader.text(body, "team", RequestReader.MAX_NAME_CHARS);
    String reason = RequestReader.text(body, "reason", MAX_REASON);
    if (!teams.contains(team)) {
      throw ApiException.badRequest("bad_field", "team must be one of " + teams + ", got " + team);
    }
    String id = WorklistRoutes.caseId(ctx);
    // the team it came from is read first: it is where "return" sends the case back
    return worklist.find(id).compose(c -> {
      if (c == null) {
        return Future.failedFuture(ApiException.notFound("no case " + id));
      }
      if (team.equals(c.team())) {
        return Future.failedFuture(ApiException.badRequest("bad_field", "case " + id + " is in team " + team + " already"));
      }
      return act(ctx, CaseAction.ESCALATE, null, Map.of("team", team, "escalatedFrom", c.team(),
          "escalationReason", reason), List.of(), new JsonObject().put("team", team).put("reason", reason));
    });
  }

  private Future<JsonObject> giveBack(RoutingContext ctx) {
    String id = WorklistRoutes.caseId(ctx);
    JsonObject detail = noteDetail(ctx);
    return worklist.find(id).compose(c -> {
      if (c == null) {
        return Future.failedFuture(ApiException.notFound("no case " + id));
      }
      String back = c.escalatedFrom() != null ? c.escalatedFrom() : teams.get(0);
      return act(ctx, CaseAction.RETURN, null, Map.of("team", back), List.of("escalatedFrom"),
          detail.put("team", back));
    });
  }

  private Future<JsonObject> snooze(RoutingContext ctx) {
    String until = RequestReader.text(RequestReader.jsonBody(ctx), "until", 64);
    Instant at;
    try {
      at = OffsetDateTime.parse(until).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("bad_field", "until must be a date-time with an offset, e.g. 2026-11-26T09:00:00+01:00");
    }
    Instant now = Instant.now();
    if (!at.isAfter(now) || at.isAfter(now.plus(MAX_SNOOZE))) {
      throw ApiException.badRequest("bad_field", "until must lie in the next " + MAX_SNOOZE.toDays() + " days");
    }
    return act(ctx, CaseAction.SNOOZE, null, Map.of("snoozedUntil", Long.toString(at.toEpochMilli())), List.of(),
        new JsonObject().put("until", at.toString()));
  }

  private Future<JsonObject> dismiss(RoutingContext ctx) {
    String reason = RequestReader.text(RequestReader.jsonBody(ctx), "reason", MAX_REASON);
    Map<String, String> fields = new java.util.HashMap<>(closeFields(ctx));
    fields.put("dismissReason", reason);
    return act(ctx, CaseAction.DISMISS, null, fields, List.of(), new JsonObject().put("reason", reason));
  }

  private static Map<String, String> closeFields(RoutingContext ctx) {
    return Map.of("resolvedAt", Long.toString(System.currentTimeMillis()), "closedBy", Authentication.actor(ctx).name());
  }

  /** An optional {@code note} in the body, kept in the history entry of the move. */
  private static JsonObject noteDetail(RoutingContext ctx) {
    String note = RequestReader.optionalText(RequestReader.jsonBody(ctx), "note", MAX_REASON);
    return note == null ? new JsonObject() : new JsonObject().put("note", note);
  }

  private Future<JsonObject> act(RoutingContext ctx, CaseAction action, String newHolder, Map<String, String> set,
      List<String> clear, JsonObject detail) {
    String id = WorklistRoutes.caseId(ctx);
    Actor actor = Authentication.actor(ctx);
    boolean withAuthor = Authentication.mayReadAuthors(ctx);
    return worklist.act(id, action, actor, newHolder, set, clear, detail).compose(t -> answer(id, action, t, withAuthor));
  }

  private Future<JsonObject> answer(String id, CaseAction action, Transition t, boolean withAuthor) {
    if (t.outcome() == Transition.Outcome.DONE && action == CaseAction.CLAIM) {
      metrics.claimed(t.current().team());
    }
    return switch (t.outcome()) {
      case DONE -> mentions.find(t.current().mentionId()).map(m -> ApiJson.caseJson(t.current(), m, withAuthor));
      case NOT_FOUND -> Future.failedFuture(ApiException.notFound("no case " + id));
      case HELD -> Future.failedFuture(new ApiException(409, "case_held", "case " + id + " is held by " + t.holder(),
          new JsonObject().put("holder", t.holder()).put("state", t.state().wire())));
      case FORBIDDEN -> Future.failedFuture(new ApiException(409, "transition_not_allowed",
          "a case in state " + t.state().wire() + " does not allow " + action.wire(),
          new JsonObject().put("state", t.state().wire()).put("action", action.wire())));
    };
  }

  private Future<JsonObject> addNote(RoutingContext ctx) {
    String id = WorklistRoutes.caseId(ctx);
    String text = RequestReader.text(RequestReader.jsonBody(ctx), "text", MAX_NOTE);
    return worklist.addNote(id, Authentication.actor(ctx), text).compose(note -> note == null
        ? Future.failedFuture(ApiException.notFound("no case " + id))
        : Future.succeededFuture(new JsonObject().put("at", note.at().toString()).put("author", note.author())
            .put("text", note.text())));
  }

  private Future<JsonObject> tag(RoutingContext ctx) {
    String id = WorklistRoutes.caseId(ctx);
    JsonObject body = RequestReader.jsonBody(ctx);
    Set<String> add = RequestReader.words(body, "add", 40);
    Set<String> remove = RequestReader.words(body, "remove", 40);
    if (add.isEmpty() && remove.isEmpty()) {
      throw ApiException.badRequest("missing_field", "give add or remove: lists of tags");
    }
    return worklist.tag(id, Authentication.actor(ctx), add, remove).compose(tags -> tags == null
        ? Future.failedFuture(ApiException.notFound("no case " + id))
        : Future.succeededFuture(new JsonObject().put("id", id).put("tags", new JsonArray(List.copyOf(tags)))));
  }
}
