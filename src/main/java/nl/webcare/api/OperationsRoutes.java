package nl.webcare.api;

import nl.webcare.access.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import nl.webcare.connector.ConnectorStatusStore;
import nl.webcare.inbox.ScoringQueue;
import nl.webcare.store.PageCursor;

/** What operators look at: connector states and the dead letters of the scoring pipeline. */
final class OperationsRoutes {
  private final ConnectorStatusStore statuses;
  private final List<String> connectorNames;
  private final ScoringQueue queue;

  OperationsRoutes(ConnectorStatusStore statuses, List<String> connectorNames, ScoringQueue queue) {
    this.statuses = statuses;
    this.connectorNames = List.copyOf(connectorNames);
    this.queue = queue;
  }

  void mount(Router api) {
    api.get("/connectors").handler(Authentication.requires(Permission.READ_WORKLIST)).handler(Responses.json(this::connectors));
    api.get("/dead-letters").handler(Authentication.requires(Permission.READ_WORKLIST)).handler(Responses.json(this::deadLetters));
    api.post("/dead-letters/requeue").handler(Authentication.requires(Permission.ADMINISTER))
        .handler(Responses.json(ctx -> queue.requeueAll().map(n -> new JsonObject().put("requeued", n))));
    api.post("/dead-letters/:id/requeue").handler(Authentication.requires(Permission.ADMINISTER))
        .handler(Responses.json(this::requeue));
  }

  private Future<JsonObject> connectors(RoutingContext ctx) {
    return statuses.all(connectorNames).map(list -> {
      JsonArray items = new JsonArray();
      list.forEach(s -> items.add(ApiJson.connectorJson(s)));
      return new JsonObject().put("items", items);
    });
  }

  private Future<JsonObject> requeue(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return queue.requeue(id).compose(done -> done
        ? Future.succeededFuture(new JsonObject().put("id", id).put("requeued", true))
        : Future.failedFuture(ApiException.notFound("no dead letter " + LogText.clean(id))));
  }

  private Future<JsonObject> deadLetters(RoutingContext ctx) {
    PageCursor after = RequestReader.cursor(ctx);
    if (after != null && !after.member().matches("\\d{1,20}")) {
      throw ApiException.badRequest("bad_parameter", "cursor is not one that this API returned");
    }
    return queue.deadLetters(RequestReader.limit(ctx), after).map(page -> {
      JsonArray items = new JsonArray();
      page.messages().forEach(m -> items.add(ApiJson.deadLetterJson(m, Authentication.mayReadAuthors(ctx))));
      return new JsonObject().put("items", items).put("next", page.next() == null ? null : page.next().encode());
    });
  }
}
