package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.webcare.access.ApiKey;
import nl.webcare.access.ApiKeyStore;
import nl.webcare.access.AuthFailures;
import nl.webcare.access.Permission;
import nl.webcare.alerts.AlertFeed;
import nl.webcare.alerts.AlertFilter;
import nl.webcare.delivery.AlertAtomFeed;
import nl.webcare.delivery.AlertJson;
import nl.webcare.delivery.Subscription;
import nl.webcare.delivery.SubscriptionStore;

/**
 * {@code GET /alerts.atom}: the newest alerts as an Atom feed, for readers that cannot send headers. Either with
 * an API key and the filter in the query, or with a subscription's read-only feed token ({@code ?token=}), which
 * reads that subscription's filter with its owner's view (an analyst's token names nobody) and nothing else. A
 * wrong token counts as a failed authentication (the same limit per address as wrong keys); a token stops with
 * its revocation, its subscription's deletion or its owner key's revocation. The token is never logged: only
 * paths are. {@code ETag} follows the alert stream's newest entry, so an unchanged feed answers 304 unread.
 */
final class AtomFeedRoutes {
  private static final String SUBSCRIPTION = "webcare.feedSubscription";
  private static final int DEFAULT_ENTRIES = 50;
  private static final int MAX_ENTRIES = 200;

  private final Vertx vertx;
  private final AlertFeed alerts;
  private final SubscriptionStore subscriptions;
  private final ApiKeyStore keys;
  private final AuthFailures failures;
  private final Authentication authentication;
  private final AlertAtomFeed atom;

  AtomFeedRoutes(Vertx vertx, AlertFeed alerts, SubscriptionStore subscriptions, ApiKeyStore keys,
      AuthFailures failures, Authentication authentication, String publicUrl) {
    this.vertx = vertx;
    this.alerts = alerts;
    this.subscriptions = subscriptions;
    this.keys = keys;
    this.failures = failures;
    this.authentication = authentication;
    this.atom = new AlertAtomFeed(publicUrl);
  }

  /** Mounted before the API's key check: a token is its own authentication. */
  void mount(Router api) {
    api.get("/alerts.atom").handler(this::authenticate).handler(this::feed);
  }

  private void authenticate(RoutingContext ctx) {
    String token = ctx.queryParams().get("token");
    if (token == null) {
      authentication.handle(ctx);
      return;
    }
    for (String name : ctx.queryParams().names()) {
      if (!name.equals("token") && !name.equals("limit")) {
        ctx.fail(ApiException.badRequest("bad_parameter", "a feed token reads its subscription's filter: " + name
            + " cannot be added to it (change the subscription instead)"));
        return;
      }
    }
    String client = Authentication.client(ctx);
    failures.standing(client)
        .compose(standing -> standing.blocked()
            ? Future.failedFuture(ApiException.tooManyRequests("too many failed authentications from this address",
                standing.retryAfterSeconds()))
            : subscriptions.byFeedToken(token))
        .compose(s -> s == null ? Future.<Subscription>succeededFuture(null)
            : keys.byId(s.ownerKeyId()).map(owner -> owner == null ? null : s))
        .compose(s -> s != null ? Future.succeededFuture(s) : failures.failed(client).compose(standing ->
            Future.<Subscription>failedFuture(new ApiException(401, "unauthorized",
                "the feed token is not valid (unknown or revoked)"))))
        .onSuccess(s -> {
          ctx.put(SUBSCRIPTION, s);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  private void feed(RoutingContext ctx) {
    Subscription s = ctx.get(SUBSCRIPTION);
    AlertFilter filter;
    boolean withAuthor;
    String feedId;
    String title;
    if (s != null) {
      filter = s.filter();
      withAuthor = s.namesAuthors();
      feedId = s.id();
      title = "Webcare: " + (s.name() != null ? s.name() : s.id());
    } else {
      ApiKey caller = Authentication.caller(ctx);
      if (!caller.role().may(Permission.READ_ALERTS)) {
        ctx.fail(new ApiException(403, "forbidden", "this key may not read alerts"));
        return;
      }
      filter = FeedRoutes.filter(ctx);
      withAuthor = AlertJson.seesAuthors(caller.role());
      feedId = "key:" + caller.id() + ":" + digest(filter.asMap().toString());
      title = "Webcare alerts";
    }
    int limit = entries(ctx);
    boolean dutch = s != null && "nl".equals(s.messageLanguage());
    alerts.head().compose(head -> {
      String etag = "W/\"" + digest(head + "|" + feedId + "|" + filter.asMap() + "|" + withAuthor + "|" + limit
          + "|" + dutch) + "\"";
      String asked = ctx.request().getHeader("If-None-Match");
      ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "private, no-cache");
      if (asked != null && asked.contains(etag)) {
        ctx.response().setStatusCode(304).end();
        return Future.succeededFuture();
      }
      return alerts.latest(limit, filter)
          .compose(found -> vertx.executeBlocking(() -> atom.write(found, feedId, title, withAuthor, dutch), false))
          .compose(xml -> ctx.response().putHeader("Content-Type", "application/atom+xml; charset=utf-8").end(xml));
    }).onFailure(ctx::fail);
  }

  private static int entries(RoutingContext ctx) {
    String given = ctx.queryParams().get("limit");
    if (given == null) {
      return DEFAULT_ENTRIES;
    }
    try {
      int n = Integer.parseInt(given);
      if (n >= 1 && n <= MAX_ENTRIES) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiException.badRequest("bad_parameter", "limit must be a number from 1 to " + MAX_ENTRIES);
  }

  private static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
