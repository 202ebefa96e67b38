package nl.webcare.api;

import io.vertx.core.Future;
import nl.webcare.access.AuthFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
  private static final String CALLER = "webcare.caller";
  private static final String BEARER = "Bearer ";
  private final ApiKeyStore keys;
  private final AuthFailures failures;

  Authentication(ApiKeyStore keys, AuthFailures failures) {
    this.keys = keys;
    this.failures = failures;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || header.length() == BEARER.length()) {
      ctx.fail(unauthorized("send Authorization: Bearer <API key>"));
      return;
    }
    String key = header.substring(BEARER.length()).trim();
    String client = client(ctx);
    failures.standing(client)
        .compose(standing -> standing.blocked() ? Future.failedFuture(tooManyFailures(standing)) : keys.find(key))
        .compose(found -> found != null ? Future.succeededFuture(found) : refuse(client, key))
        .onSuccess(found -> {
          ctx.put(CALLER, found);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  /** Counts the failure and logs the refused key by a hash of it, never the key itself. */
  private Future<ApiKey> refuse(String client, String key) {
    return failures.failed(client).compose(standing -> {
      LOG.warn("refused API key sha256:{} from {}{}", ApiKeyStore.fingerprint(key), LogText.clean(client),
          standing.blocked() ? " (too many failures: blocked for " + standing.retryAfterSeconds() + " s)" : "");
      return Future.failedFuture(standing.blocked() ? tooManyFailures(standing)
          : unauthorized("the API key is not valid (unknown or revoked)"));
    });
  }

  private static ApiException tooManyFailures(AuthFailures.Standing standing) {
    return ApiException.tooManyRequests("too many failed authentications from this address; try again in "
        + standing.retryAfterSeconds() + " s", standing.retryAfterSeconds());
  }

  /** The client's address as the connection shows it (a proxy's, when Webcare runs behind one). */
  static String client(RoutingContext ctx) {
    var address = ctx.request().remoteAddress();
    return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
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
    return nl.webcare.delivery.AlertJson.seesAuthors(caller(ctx).role());
  }

  static boolean mayReadAuthors(RoutingContext ctx) {
    return caller(ctx).role().may(Permission.READ_AUTHORS);
  }

  private static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }
}
