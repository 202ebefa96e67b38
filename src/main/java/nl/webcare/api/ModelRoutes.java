package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.webcare.access.Permission;
import nl.webcare.learning.ModelStore;

/**
 * The models learned from the team: {@code GET /models} lists every version with its figures and which is current
 * (leads, admins); {@code POST /models/{id}/promote} makes a version current, to roll back to an older one (admins).
 */
final class ModelRoutes {
  private final ModelStore models;

  ModelRoutes(ModelStore models) {
    this.models = models;
  }

  void mount(Router api) {
    api.get("/models").handler(Authentication.requires(Permission.LEAD_CASES)).handler(Responses.json(this::list));
    api.post("/models/:id/promote").handler(Authentication.requires(Permission.ADMINISTER))
        .handler(Responses.json(this::promote));
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    return models.list().map(all -> {
      JsonArray items = new JsonArray();
      all.forEach(v -> items.add(new JsonObject().put("id", v.id()).put("group", v.group())
          .put("trainedAt", v.trainedAt().toString()).put("examples", v.examples()).put("heldBack", v.heldBack())
          .put("score", Math.round(v.score() * 1000) / 1000.0)
          .put("scoreOfCurrent", v.scoreOfCurrent() == null ? null : Math.round(v.scoreOfCurrent() * 1000) / 1000.0)
          .put("promoted", v.promoted()).put("current", v.current())));
      return new JsonObject().put("items", items);
    });
  }

  private Future<JsonObject> promote(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !id.matches("m[0-9a-f]{12}")) {
      throw ApiException.badRequest("bad_parameter", "a model id is m and 12 hexadecimal digits");
    }
    return models.promote(id).compose(done -> done ? Future.succeededFuture(new JsonObject().put("id", id)
        .put("current", true)) : Future.failedFuture(ApiException.notFound("no model " + id)));
  }
}
