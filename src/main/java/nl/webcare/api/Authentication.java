package nl.webcare.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import nl.webcare.access.ApiKey;
import nl.webcare.access.ApiKeyStore;
import nl.webcare.access.Permission;
import nl.webcare.worklist.Actor;

/**
 * Every API request but push ingest (signed per source) and the published schemas carries
 * {@code Authorization: Bearer <API key>}: 401 without a valid key, 403 when the key's role lacks the
 * route's permission. The key's owner is who acts, and is recorded on every change.
 */
final class Authentication implements Handler<RoutingContext> {
  private static final String CALLER = "webcare.caller";
  private static final String BEARER = "Bearer ";
  private final ApiKeyStore keys;

  Authentication(ApiKeyStore keys) {
    this.keys = keys;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || header.length() == BEARER.length()) {
      ctx.fail(unauthorized("send Authorization: Bearer <API key>"));
      return;
    }
    keys.find(header.substring(BEARER.length()).trim()).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else if (ar.result() == null) {
        ctx.fail(unauthorized("the API key is not valid (unknown or revoked)"));
      } else {
        ctx.put(CALLER, ar.result());
        ctx.next();
      }
    });
  }

  /** A handler that lets the request on only when the caller's role has {@code permission}. */
  static Handler<RoutingContext> requires(Permission permission) {
    return ctx -> {
      ApiKey caller = caller(ctx);
      if (caller.role().may(permission)) {
        ctx.next();
      } else {
        ctx.fail(new ApiException(403, "forbidden", "role " + caller.role().wire() + " may not do this ("
            + permission.name().toLowerCase(java.util.Locale.ROOT) + ")"));
      }
    };
  }

  static ApiKey caller(RoutingContext ctx) {
    ApiKey caller = ctx.get(CALLER);
    if (caller == null) {
      throw new IllegalStateException("route mounted without authentication");
    }
    return caller;
  }

  /** The caller as the worklist knows them: a name, and whether they may act on cases others hold. */
  static Actor actor(RoutingContext ctx) {
    ApiKey caller = caller(ctx);
    return new Actor(caller.owner(), caller.role().may(Permission.LEAD_CASES), caller.teams());
  }

  /**
   * Whether alerts name their author: for whoever may read authors, and for integrations, which hand an alert to
   * the people who answer (a ticket system, a chat channel); never for analysts.
   */
  static boolean seesAlertAuthors(RoutingContext ctx) {
    return mayReadAuthors(ctx) || caller(ctx).role() == nl.webcare.access.Role.INTEGRATION;
  }

  static boolean mayReadAuthors(RoutingContext ctx) {
    return caller(ctx).role().may(Permission.READ_AUTHORS);
  }

  private static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }
}
