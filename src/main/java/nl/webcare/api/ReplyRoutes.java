package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.webcare.access.Permission;
import nl.webcare.casework.CaseReplies;

/**
 * Answering the customer: {@code POST /cases/{id}/reply} sends through the channel where Webcare can
 * (X, Mastodon) and otherwise records where the agent replied ({@code link}); the case then waits for the
 * customer. {@code POST /cases/{id}/handoff} moves the conversation to a private channel with a written
 * confirmation.
 */
final class ReplyRoutes {
  private static final int MAX_TEXT = 10_000;
  private final CaseReplies replies;

  ReplyRoutes(CaseReplies replies) {
    this.replies = replies;
  }

  void mount(Router api) {
    api.post("/cases/:id/reply").handler(Authentication.requires(Permission.WORK_CASES)).handler(Responses.json(this::reply));
    api.post("/cases/:id/handoff").handler(Authentication.requires(Permission.WORK_CASES))
        .handler(Responses.json(201, this::handoff));
  }

  private Future<JsonObject> reply(RoutingContext ctx) {
    String id = WorklistRoutes.caseId(ctx);
    JsonObject body = RequestReader.jsonBody(ctx);
    String link = RequestReader.optionalText(body, "link", 2000);
    if (link != null && !link.matches("https?://\\S+")) {
      throw ApiException.badRequest("bad_field", "link must be an http or https URL");
    }
    Object resolve = body.getValue("resolve");
    if (resolve != null && !(resolve instanceof Boolean)) {
      throw ApiException.badRequest("bad_field", "resolve must be true or false");
    }
    var request = new CaseReplies.ReplyRequest(RequestReader.optionalText(body, "text", MAX_TEXT),
        RequestReader.optionalText(body, "template", 64), link, Boolean.TRUE.equals(resolve));
    boolean withAuthor = Authentication.mayReadAuthors(ctx);
    return replies.reply(id, Authentication.actor(ctx), request).map(done -> {
      JsonObject json = ApiJson.caseJson(done.view().current(), done.view().mention(), withAuthor)
          .put("reply", new JsonObject(done.reply().encode()));
      if (done.survey() != null) {
        json.put("survey", new JsonObject().put("sent", done.survey().sent()).put("reason", done.survey().reason()));
      }
      return json;
    });
  }

  private Future<JsonObject> handoff(RoutingContext ctx) {
    String id = WorklistRoutes.caseId(ctx);
    JsonObject body = RequestReader.jsonBody(ctx);
    String channel = RequestReader.text(body, "channel", 10);
    String agreement = RequestReader.text(body, "agreement", 2000);
    var when = RequestReader.dateTime(body, "when", false);
    if (Boolean.TRUE.equals(body.getValue("preview"))) {
      // nothing is recorded: the agent reads the confirmation first (201 like the hand-off it previews)
      return replies.previewHandoff(id, Authentication.actor(ctx), channel, when, agreement)
          .map(text -> new JsonObject().put("caseId", id).put("preview", true).put("confirmation", text));
    }
    return replies.handoff(id, Authentication.actor(ctx), channel, when, agreement)
        .map(handoff -> new JsonObject(handoff.encode()).put("caseId", id));
  }
}
