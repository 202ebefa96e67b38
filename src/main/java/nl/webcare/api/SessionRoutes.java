package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import nl.webcare.access.ApiKey;
import nl.webcare.access.ApiKeyStore;
import nl.webcare.access.AuthFailures;
import nl.webcare.access.Permission;
import nl.webcare.access.Sessions;

/**
 * Signing in from a browser: {@code POST /session} exchanges an API key (in the body, never the URL) for a session
 * cookie (HttpOnly, SameSite=Strict, Secure under TLS) and answers the CSRF token the page sends with every change;
 * {@code GET /session} says who is signed in and what their role may do; {@code DELETE /session} signs out. Wrong
 * keys count against the client's address like any other.
 */
final class SessionRoutes {
  private final ApiKeyStore keys;
  private final AuthFailures failures;
  private final Sessions sessions;
  private final Authentication authentication;
  private final java.time.ZoneId zone;

  /** @param zone the team's time zone, in which the pages show dates and times */
  SessionRoutes(ApiKeyStore keys, AuthFailures failures, Sessions sessions, Authentication authentication,
      java.time.ZoneId zone) {
    this.zone = zone;
    this.keys = keys;
    this.failures = failures;
    this.sessions = sessions;
    this.authentication = authentication;
  }

  /** Signing in: before authentication. */
  void mountPublic(Router api) {
    api.post("/session").handler(this::signIn);
  }

  /** Who is signed in, and signing out: after authentication. */
  void mount(Router api) {
    api.get("/session").handler(this::who);
    api.delete("/session").handler(this::signOut);
  }

  private void signIn(RoutingContext ctx) {
    String key = RequestReader.text(RequestReader.jsonBody(ctx), "key", 200);
    String client = Authentication.client(ctx);
    failures.standing(client)
        .compose(standing -> standing.blocked() ? Future.failedFuture(Authentication.tooManyFailures(standing))
            : keys.find(key))
        .compose(found -> found != null ? Future.succeededFuture(found) : authentication.refuse(client, key))
        .compose(found -> sessions.start(found, Instant.now()).map(started -> {
          Duration left = Duration.between(Instant.now(), started.expires());
          ctx.response().addCookie(Cookie.cookie(Authentication.COOKIE, started.token()).setPath("/")
              .setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(ctx.request().isSSL())
              .setMaxAge(left.toSeconds()));
          return who(found, started.csrf(), started.expires()).put("timezone", zone.getId());
        }))
        .onSuccess(body -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .putHeader("Cache-Control", "no-store").end(body.encode()))
        .onFailure(ctx::fail);
  }

  private void who(RoutingContext ctx) {
    Sessions.Session session = Authentication.session(ctx);
    JsonObject body = who(Authentication.caller(ctx), session == null ? null : session.csrf(),
        session == null ? null : session.expires()).put("timezone", zone.getId());
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }

  private void signOut(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(Authentication.COOKIE);
    sessions.end(cookie == null ? null : cookie.getValue()).onSuccess(v -> {
      ctx.response().addCookie(Cookie.cookie(Authentication.COOKIE, "").setPath("/").setHttpOnly(true)
          .setSameSite(CookieSameSite.STRICT).setSecure(ctx.request().isSSL()).setMaxAge(0));
      ctx.response().setStatusCode(204).end();
    }).onFailure(ctx::fail);
  }

  /** Who the key is and what its role may do: what the pages show and hide. */
  private static JsonObject who(ApiKey key, String csrf, Instant expires) {
    List<String> may = Arrays.stream(Permission.values()).filter(p -> key.role().may(p))
        .map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).toList();
    return new JsonObject().put("owner", key.owner()).put("role", key.role().name().toLowerCase(java.util.Locale.ROOT))
        .put("teams", new JsonArray(key.teams().stream().sorted().toList())).put("may", new JsonArray(may))
        .put("csrfToken", csrf).put("expiresAt", expires == null ? null : expires.toString());
  }
}
