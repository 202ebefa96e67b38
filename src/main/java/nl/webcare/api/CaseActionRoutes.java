package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.webcare.access.Permission;
import nl.webcare.casework.CaseWork;
import nl.webcare.worklist.CaseCommand;

/**
 * The moves of a case over HTTP ({@code POST /cases/{id}/claim}, {@code /release}, {@code /reassign},
 * {@code /escalate}, {@code /return}, {@code /snooze}, {@code /resolve}, {@code /dismiss}, {@code /reopen}),
 * its notes and tags. Each route reads its body into a {@link CaseCommand}; the worklist decides, and a refusal
 * becomes 409 {@code transition_not_allowed} or {@code case_held}, 404, or 400 {@code bad_field}.
 */
final class CaseActionRoutes {
  private static final int MAX_REASON = 500;
  private static final int MAX_NOTE = 5_000;
  private final CaseWork work;

  CaseActionRoutes(CaseWork work) {
    this.work = work;
  }

  void mount(Router api) {
    move(api, "claim", ctx -> new CaseCommand.Claim());
    move(api, "release", ctx -> new CaseCommand.Release());
    api.post("/cases/:id/reassign").handler(Authentication.requires(Permission.LEAD_CASES))
        .handler(Responses.json(ctx -> act(ctx, new CaseCommand.Reassign(
            RequestReader.text(RequestReader.jsonBody(ctx), "agent", RequestReader.MAX_NAME_CHARS)))));
    move(api, "escalate", ctx -> {
      JsonObject body = RequestReader.jsonBody(ctx);
      return new CaseCommand.Escalate(RequestReader.text(body, "team", RequestReader.MAX_NAME_CHARS),
          RequestReader.text(body, "reason", MAX_REASON));
    });
    move(api, "return", ctx -> new CaseCommand.Return(note(ctx)));
    move(api, "snooze", ctx -> new CaseCommand.Snooze(until(ctx)));
    move(api, "resolve", ctx -> new CaseCommand.Resolve(note(ctx)));
    move(api, "dismiss", ctx -> new CaseCommand.Dismiss(
        RequestReader.text(RequestReader.jsonBody(ctx), "reason", MAX_REASON)));
    move(api, "reopen", ctx -> new CaseCommand.Reopen(note(ctx)));
    api.post("/cases/:id/notes").handler(Authentication.requires(Permission.WORK_CASES))
        .handler(Responses.json(201, this::addNote));
    api.post("/cases/:id/tags").handler(Authentication.requires(Permission.WORK_CASES))
        .handler(Responses.json(this::tag));
  }

  private void move(Router api, String name, Function<RoutingContext, CaseCommand> command) {
    api.post("/cases/:id/" + name).handler(Authentication.requires(Permission.WORK_CASES))
        .handler(Responses.json(ctx -> act(ctx, command.apply(ctx))));
  }

  private Future<JsonObject> act(RoutingContext ctx, CaseCommand command) {
    boolean withAuthor = Authentication.mayReadAuthors(ctx);
    return work.apply(WorklistRoutes.caseId(ctx), Authentication.actor(ctx), command)
        .map(view -> ApiJson.caseJson(view.current(), view.mention(), withAuthor));
  }

  private static Instant until(RoutingContext ctx) {
    return RequestReader.dateTime(RequestReader.jsonBody(ctx), "until", true);
  }

  /** An optional {@code note} in the body, kept in the history entry of the move. */
  private static String note(RoutingContext ctx) {
    return RequestReader.optionalText(RequestReader.jsonBody(ctx), "note", MAX_REASON);
  }

  private Future<JsonObject> addNote(RoutingContext ctx) {
    String text = RequestReader.text(RequestReader.jsonBody(ctx), "text", MAX_NOTE);
    var actor = Authentication.actor(ctx);
    return work.apply(WorklistRoutes.caseId(ctx), actor, new CaseCommand.Note(text))
        .map(view -> new JsonObject().put("at", Instant.now().toString()).put("author", actor.name()).put("text", text));
  }

  private Future<JsonObject> tag(RoutingContext ctx) {
    String id = WorklistRoutes.caseId(ctx);
    JsonObject body = RequestReader.jsonBody(ctx);
    Set<String> add = RequestReader.words(body, "add", 40);
    Set<String> remove = RequestReader.words(body, "remove", 40);
    if (add.isEmpty() && remove.isEmpty()) {
      throw ApiException.badRequest("missing_field", "give add or remove: lists of tags");
    }
    return work.tag(id, Authentication.actor(ctx), new CaseCommand.Tags(add, remove))
        .map(tags -> new JsonObject().put("id", id).put("tags", new JsonArray(List.copyOf(tags))));
  }
}
