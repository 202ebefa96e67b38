package nl.webcare.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * The headers every answer carries, and the cross-origin policy: closed unless {@code http.corsOrigins} names an
 * origin. A preflight is answered before authentication (a browser sends it without the key): 204 for an allowed
 * origin, 403 {@code cors_refused} for another.
 */
final class ResponseHeaders implements Handler<RoutingContext> {
  /** Nothing the API serves is a page: no script, style, frame or form may come from an answer. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
      + "form-action 'none'";

  private final Set<String> origins;

  ResponseHeaders(java.util.List<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  @Override
  public void handle(RoutingContext ctx) {
    var response = ctx.response();
    response.putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY");
    if (ctx.request().isSSL()) {
      response.putHeader("Strict-Transport-Security", "max-age=31536000");
    }
    String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
    boolean allowed = origin != null && origins.contains(origin);
    if (allowed) {
      response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).putHeader(HttpHeaders.VARY, "Origin");
    }
    boolean preflight = ctx.request().method() == HttpMethod.OPTIONS
        && ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    if (!preflight) {
      ctx.next();
      return;
    }
    if (allowed) {
      response.setStatusCode(204)
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, PUT, PATCH, DELETE")
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type, Last-Event-ID, If-None-Match")
          .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600")
          .end();
    } else {
      response.setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
          .end(new JsonObject().put("error", "cors_refused").put("message", "cross-origin requests from "
              + (origin == null ? "no origin" : LogText.clean(origin)) + " are not allowed; see http.corsOrigins")
              .encode());
    }
  }
}
