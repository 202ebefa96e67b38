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
 * Every API request but push ingest (signed per source), the published schemas and signing in carries
 * {@code Authorization: Bearer <API key>}, or comes from a signed-in browser with its session cookie: 401 without a
 * valid key or session, 403 when the key's role lacks the route's permission. A browser's change (any method but
 * GET and HEAD) must also carry the session's CSRF token in {@code X-CSRF-Token}, which another site's page cannot
 * read, so it cannot forge one. The key's owner is who acts, and is recorded on every change.
 */
final class Authentication implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
  private static final String CALLER = "webcare.caller";
  private static final String SESSION = "webcare.session";
  private static final String BEARER = "Bearer ";
  /** The browser session's cookie. */
  static final String COOKIE = "webcare_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private final ApiKeyStore keys;
  private final AuthFailures failures;
  private final nl.webcare.access.Sessions sessions;

  Authentication(ApiKeyStore keys, AuthFailures failures, nl.webcare.access.Sessions sessions) {
    this.keys = keys;
    this.failures = failures;
    this.sessions = sessions;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null && ctx.request().getCookie(COOKIE) != null) {
      bySession(ctx, ctx.request().getCookie(COOKIE).getValue());
      return;
    }
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || header.length() == BEARER.length()) {
      ctx.fail(unauthorized("send Authorization: Bearer <API key>, or sign in"));
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

  /** A browser's request: its session, the session's key (still there: a revoked key ends its sessions), its CSRF token. */
  private void bySession(RoutingContext ctx, String token) {
    sessions.find(token).compose(session -> {
      if (session == null) {
        return Future.failedFuture(unauthorized("the session has ended; sign in again"));
      }
      return keys.byId(session.keyId()).compose(key -> {
        if (key == null) {
          return sessions.end(token).compose(v -> Future.<nl.webcare.access.ApiKey>failedFuture(
              unauthorized("the key of this session was revoked; sign in again")));
        }
        boolean reading = ctx.request().method() == io.vertx.core.http.HttpMethod.GET
            || ctx.request().method() == io.vertx.core.http.HttpMethod.HEAD;
        String sent = ctx.request().getHeader(CSRF_HEADER);
        if (!reading && (sent == null || !java.security.MessageDigest.isEqual(
            sent.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            session.csrf().getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
          return Future.failedFuture(new ApiException(403, "csrf_refused", "a change from the browser must carry the "
              + "session's " + CSRF_HEADER + " header"));
        }
        ctx.put(SESSION, session);
        return Future.succeededFuture(key);
      });
    }).onSuccess(key -> {
      ctx.put(CALLER, key);
      ctx.next();
    }).onFailure(ctx::fail);
  }

  /** The browser session of this request, or null when it came with a key. */
  static nl.webcare.access.Sessions.Session session(RoutingContext ctx) {
    return ctx.get(SESSION);
  }

  /** Counts the failure and logs the refused key by a hash of it, never the key itself. */
  Future<ApiKey> refuse(String client, String key) {
    return failures.failed(client).compose(standing -> {
      LOG.warn("refused API key sha256:{} from {}{}", ApiKeyStore.fingerprint(key), LogText.clean(client),
          standing.blocked() ? " (too many failures: blocked for " + standing.retryAfterSeconds() + " s)" : "");
      return Future.failedFuture(standing.blocked() ? tooManyFailures(standing)
          : unauthorized("the API key is not valid (unknown or revoked)"));
    });
  }

  static ApiException tooManyFailures(AuthFailures.Standing standing) {
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
