package nl.webcare.api;

import nl.webcare.access.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.webcare.alerts.AlertFeed;
import nl.webcare.alerts.AlertFilter;

/** The alert feed for integrations, read by cursor, with the subscription filter as query parameters. */
final class FeedRoutes {
  private final AlertFeed alerts;

  FeedRoutes(AlertFeed alerts) {
    this.alerts = alerts;
  }

  void mount(Router api) {
    api.get("/alerts").handler(Authentication.requires(Permission.READ_ALERTS)).handler(Responses.json(this::alerts));
  }

  private Future<JsonObject> alerts(RoutingContext ctx) {
    String after = ctx.queryParams().get("after");
    if (after != null && !AlertFeed.isCursor(after)) {
      throw ApiException.badRequest("bad_parameter", "after must be a cursor from an earlier answer, like 1732521600000-0");
    }
    return alerts.after(after, RequestReader.limit(ctx), filter(ctx)).map(page -> {
      JsonArray items = new JsonArray();
      page.alerts().forEach(a -> items.add(ApiJson.alertJson(a, Authentication.seesAlertAuthors(ctx))));
      return new JsonObject().put("items", items).put("next", page.next()).put("more", page.more());
    });
  }

  /** The filter in the query ({@code type}, {@code brand}, ... {@code minUrgency}); 400 naming what is wrong. */
  static AlertFilter filter(RoutingContext ctx) {
    try {
      return AlertFilter.read(name -> ctx.queryParams().getAll(name));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_filter", e.getMessage());
    }
  }
}
