package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Adapts handlers that return a future of JSON to routes: success is 200 JSON, failure goes to the error handler. */
final class Responses {
  private Responses() {}

  static Handler<RoutingContext> json(Function<RoutingContext, Future<JsonObject>> handler) {
    return json(200, handler);
  }

  /** As {@link #json(Function)} with another success status (202 for accepted work). */
  static Handler<RoutingContext> json(int status, Function<RoutingContext, Future<JsonObject>> handler) {
    return ctx -> {
      Future<JsonObject> result;
      try {
        result = handler.apply(ctx);
      } catch (RuntimeException e) {
        ctx.fail(e);
        return;
      }
      result.onSuccess(body -> ctx.response()
              .setStatusCode(status)
              .putHeader("Content-Type", "application/json; charset=utf-8")
              .putHeader("Cache-Control", "no-store")
              .end(body.encode()))
          .onFailure(ctx::fail);
    };
  }
}
