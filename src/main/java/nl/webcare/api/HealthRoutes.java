package nl.webcare.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: Redis answers and the sentiment
 * model is loaded, so mentions are being scored; 503 with the failing checks otherwise.
 */
final class HealthRoutes {
  private static final long REDIS_CHECK_TIMEOUT_MS = 2_000;

  private final HealthChecks readiness;

  HealthRoutes(Vertx vertx, Supplier<Future<Void>> storePing, BooleanSupplier modelLoaded) {
    this.readiness = HealthChecks.create(vertx)
        .register("redis", REDIS_CHECK_TIMEOUT_MS, promise -> storePing.get().onComplete(ar -> promise.complete(
            ar.succeeded() ? Status.OK() : Status.KO(new JsonObject().put("error", String.valueOf(ar.cause().getMessage()))))))
        .register("sentiment-model", promise -> promise.complete(
            modelLoaded.getAsBoolean() ? Status.OK() : Status.KO(new JsonObject().put("error", "still loading"))));
  }

  void mount(Router router) {
    router.get("/health/live").handler(ctx -> send(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(this::ready);
  }

  private void ready(RoutingContext ctx) {
    readiness.checkStatus().onComplete(ar -> {
      if (ar.failed()) {
        send(ctx, 503, new JsonObject().put("status", "DOWN").put("error", String.valueOf(ar.cause().getMessage())));
        return;
      }
      CheckResult result = ar.result();
      JsonObject body = result.toJson();
      send(ctx, CheckResult.isUp(result) ? 200 : 503, body);
    });
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
  }
}
