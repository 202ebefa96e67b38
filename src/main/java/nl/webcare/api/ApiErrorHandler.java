package nl.webcare.api;

import nl.webcare.casework.CaseRefusal;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.webcare.store.StoreUnavailableException;

/**
 * The one place errors become responses: JSON {@code {"error": code, "message": ...}} with the right
 * status. Store outages answer 503 so clients retry; anything unexpected is a 500 without internals.
 */
final class ApiErrorHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    ApiException error = toApiException(ctx);
    // an outage is logged once by the gateway, not once per request
    if (error.status() >= 500 && !"store_unavailable".equals(error.code())) {
      LOG.error("{} {} failed: {}", ctx.request().method(), loggablePath(ctx.request().path()), error.getMessage(),
          ctx.failure());
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    JsonObject body = new JsonObject().put("error", error.code()).put("message", error.getMessage());
    if (error.details() != null) {
      body.mergeIn(error.details());
    }
    if (error.status() == 401 && "unauthorized".equals(error.code())) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"webcare\"");
    }
    if (error.retryAfterSeconds() != null) {
      ctx.response().putHeader("Retry-After", Long.toString(error.retryAfterSeconds()));
    }
    ctx.response()
        .setStatusCode(error.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  /** A path without personal data: author handles are left out of the log. */
  static String loggablePath(String path) {
    return path == null ? "" : LogText.clean(path.replaceAll("(/authors/[^/]+/)[^/?]+", "$1(handle)"));
  }

  private static ApiException toApiException(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure instanceof CaseRefusal refusal) {
      int status = switch (refusal.kind()) {
        case NOT_FOUND -> 404;
        case OTHER_TEAM -> 403;
        case CONFLICT -> 409;
        case INVALID -> 400;
        case UPSTREAM -> 502;
      };
      return new ApiException(status, refusal.code(), refusal.getMessage(),
          refusal.details().isEmpty() ? null : new JsonObject(new java.util.LinkedHashMap<>(refusal.details())));
    }
    if (StoreUnavailableException.isCauseOf(failure)) {
      return ApiException.unavailable("the store (Redis) cannot serve right now; try again shortly", 5);
    }
    return switch (ctx.statusCode()) {
      case 400 -> ApiException.badRequest("bad_request", "the request could not be read");
      case 404 -> ApiException.notFound("no such resource: " + ctx.request().path());
      case 405 -> new ApiException(405, "method_not_allowed", ctx.request().method() + " is not allowed on " + ctx.request().path());
      case 413 -> new ApiException(413, "body_too_large", "the request body is larger than allowed");
      default -> new ApiException(500, "internal", "an unexpected error happened; it has been logged");
    };
  }
}
