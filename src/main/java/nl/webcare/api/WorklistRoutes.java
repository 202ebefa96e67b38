package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.regex.Pattern;
import nl.webcare.store.MentionStore;
import nl.webcare.store.PageCursor;
import nl.webcare.worklist.Case;
import nl.webcare.worklist.Transition;
import nl.webcare.worklist.Worklist;

/** The agents' routes: the worklist, one case, claim and resolve. */
final class WorklistRoutes {
  private static final Pattern CASE_ID = Pattern.compile("WC-[0-9A-Z]{5,12}");

  private final Worklist worklist;
  private final MentionStore mentions;

  WorklistRoutes(Worklist worklist, MentionStore mentions) {
    this.worklist = worklist;
    this.mentions = mentions;
  }

  void mount(Router api) {
    api.get("/worklist").handler(Responses.json(this::worklist));
    api.get("/cases/:id").handler(Responses.json(this::getCase));
    api.post("/cases/:id/claim").handler(Responses.json(this::claim));
    api.post("/cases/:id/resolve").handler(Responses.json(this::resolve));
  }

  private Future<JsonObject> worklist(RoutingContext ctx) {
    int limit = RequestReader.limit(ctx);
    PageCursor cursor = RequestReader.cursor(ctx);
    return worklist.openCases(limit, cursor).compose(page -> {
      List<String> mentionIds = page.cases().stream().map(Case::mentionId).toList();
      return mentions.findAll(mentionIds).map(found -> {
        JsonArray items = new JsonArray();
        page.cases().forEach(c -> items.add(ApiJson.caseJson(c, found.get(c.mentionId()))));
        return new JsonObject().put("items", items).put("next", page.next() == null ? null : page.next().encode());
      });
    });
  }

  private Future<JsonObject> getCase(RoutingContext ctx) {
    String id = caseId(ctx);
    return worklist.find(id).compose(c -> {
      if (c == null) {
        return Future.failedFuture(ApiException.notFound("no case " + id));
      }
      return mentions.find(c.mentionId()).map(m -> ApiJson.caseJson(c, m));
    });
  }

  private Future<JsonObject> claim(RoutingContext ctx) {
    String id = caseId(ctx);
    String agent = RequestReader.agent(RequestReader.jsonBody(ctx));
    return worklist.claim(id, agent).compose(t -> answer(id, t));
  }

  private Future<JsonObject> resolve(RoutingContext ctx) {
    String id = caseId(ctx);
    String agent = RequestReader.agent(RequestReader.jsonBody(ctx));
    return worklist.resolve(id, agent).compose(t -> answer(id, t));
  }

  private Future<JsonObject> answer(String id, Transition t) {
    return switch (t.outcome()) {
      case DONE -> mentions.find(t.current().mentionId()).map(m -> ApiJson.caseJson(t.current(), m));
      case NOT_FOUND -> Future.failedFuture(ApiException.notFound("no case " + id));
      case HELD -> Future.failedFuture(new ApiException(409, "case_held",
          "case " + id + " is held by " + t.holder(), new JsonObject().put("holder", t.holder())
              .put("state", t.current().state().wire())));
      case CLOSED -> Future.failedFuture(new ApiException(409, "case_closed", "case " + id + " is resolved already",
          new JsonObject().put("state", t.current().state().wire())));
    };
  }

  private static String caseId(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!CASE_ID.matcher(id).matches()) {
      throw ApiException.notFound("no case " + id + " (case ids look like WC-0004F)");
    }
    return id;
  }
}
