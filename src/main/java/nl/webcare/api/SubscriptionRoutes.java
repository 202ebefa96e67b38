package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import nl.webcare.access.ApiKey;
import nl.webcare.access.Permission;
import nl.webcare.alerts.AlertFeed;
import nl.webcare.alerts.AlertFilter;
import nl.webcare.delivery.DeliveryAttempt;
import nl.webcare.delivery.DeliveryState;
import nl.webcare.delivery.Subscription;
import nl.webcare.delivery.SubscriptionStore;
import nl.webcare.delivery.WebhookFormat;
import nl.webcare.delivery.WebhookUrls;

/**
 * Alert subscriptions: a filter and, for a webhook, where to POST and in which format. Every key that may read
 * alerts manages its own; an admin sees and manages all. Another key's subscription answers 404, as one that does
 * not exist. Secrets and feed tokens are in the answer that makes them, never again.
 */
final class SubscriptionRoutes {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SubscriptionRoutes.class);
  private static final Set<String> FIELDS = Set.of("name", "filter", "url", "format", "language", "startAfter",
      "enabled");
  private static final int MAX_NAME = 100;
  private static final long MAX_OVERLAP_HOURS = 7 * 24;

  private final SubscriptionStore subscriptions;
  private final DeliveryState state;
  private final AlertFeed alerts;
  private final WebhookUrls urls;

  SubscriptionRoutes(SubscriptionStore subscriptions, DeliveryState state, AlertFeed alerts, WebhookUrls urls) {
    this.subscriptions = subscriptions;
    this.state = state;
    this.alerts = alerts;
    this.urls = urls;
  }

  void mount(Router api) {
    var may = Authentication.requires(Permission.READ_ALERTS);
    api.post("/subscriptions").handler(may).handler(Responses.json(201, this::create));
    api.get("/subscriptions").handler(may).handler(Responses.json(this::list));
    api.get("/subscriptions/:id").handler(may).handler(Responses.json(this::show));
    api.patch("/subscriptions/:id").handler(may).handler(Responses.json(this::change));
    api.delete("/subscriptions/:id").handler(may).handler(Responses.json(this::delete));
    api.post("/subscriptions/:id/secret").handler(may).handler(Responses.json(this::rotate));
    api.post("/subscriptions/:id/feed-token").handler(may).handler(Responses.json(201, this::issueToken));
    api.delete("/subscriptions/:id/feed-token").handler(may).handler(Responses.json(this::revokeToken));
    api.get("/subscriptions/:id/deliveries").handler(may).handler(Responses.json(this::deliveries));
    api.post("/subscriptions/:id/redeliver").handler(may).handler(Responses.json(202, this::redeliver));
  }

  private Future<JsonObject> create(RoutingContext ctx) {
    JsonObject body = RequestReader.jsonBody(ctx);
    refuseUnknown(body);
    ApiKey caller = Authentication.caller(ctx);
    String url = RequestReader.optionalText(body, "url", 2000);
    String startAfter = startAfter(body);
    Subscription draft = new Subscription(null, RequestReader.optionalText(body, "name", MAX_NAME), caller.id(),
        caller.owner(), caller.role(), null, filter(body.getValue("filter")), url, format(body, url), language(body),
        null, null, null, true, null, null, false);
    return checkUrl(url).compose(v -> subscriptions.create(draft, startAfter))
        .recover(e -> Future.failedFuture(e instanceof IllegalStateException
            ? new ApiException(409, "too_many_subscriptions", e.getMessage()) : e))
        .onSuccess(issued -> LOG.info("audit: subscription {} made by {}{}", issued.subscription().id(),
            LogText.clean(caller.owner()), url == null ? "" : " (webhook to " + host(url) + ")"))
        .map(issued -> withSecret(json(issued.subscription()), issued.secret()));
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    ApiKey caller = Authentication.caller(ctx);
    boolean all = caller.role().may(Permission.ADMINISTER);
    return subscriptions.list(all ? null : caller.id()).map(found -> {
      JsonArray items = new JsonArray();
      found.forEach(s -> items.add(json(s)));
      return new JsonObject().put("items", items);
    });
  }

  private Future<JsonObject> show(RoutingContext ctx) {
    return owned(ctx).compose(s -> Future.all(state.cursor(s.id()), state.retry(s.id())).map(both -> {
      JsonObject json = json(s);
      if (s.isWebhook()) {
        DeliveryState.Retry retry = both.resultAt(1);
        JsonObject delivery = new JsonObject().put("cursor", (String) both.resultAt(0));
        if (retry != null) {
          delivery.put("retrying", new JsonObject().put("alertId", retry.alertId()).put("attempts", retry.attempts())
              .put("firstFailedAt", retry.firstFailedAt().toString()).put("nextAttemptAt", retry.nextAt().toString())
              .put("lastError", retry.lastError()));
        }
        json.put("delivery", delivery);
      }
      return json;
    }));
  }

  private Future<JsonObject> change(RoutingContext ctx) {
    JsonObject body = RequestReader.jsonBody(ctx);
    refuseUnknown(body);
    if (body.containsKey("startAfter")) {
      throw ApiException.badRequest("bad_field", "startAfter is given when a subscription is made; to send an "
          + "alert again, POST it to /subscriptions/{id}/redeliver");
    }
    return owned(ctx).compose(before -> {
      String url = body.containsKey("url") ? nullableUrl(body) : before.url();
      WebhookFormat format = body.containsKey("format") ? format(body, url)
          : before.format() != null ? before.format() : WebhookFormat.JSON;
      Object enabled = body.getValue("enabled");
      if (enabled != null && !(enabled instanceof Boolean)) {
        throw ApiException.badRequest("bad_field", "enabled must be true or false");
      }
      Subscription changed = new Subscription(before.id(),
          body.containsKey("name") ? RequestReader.optionalText(body, "name", MAX_NAME) : before.name(),
          before.ownerKeyId(), before.ownerName(), before.ownerRole(), before.createdAt(),
          body.containsKey("filter") ? filter(body.getValue("filter")) : before.filter(), url, format,
          body.containsKey("language") ? language(body) : before.messageLanguage(), before.secret(),
          before.previousSecret(), before.previousUntil(), enabled == null ? before.enabled() : (Boolean) enabled,
          before.disabledReason(), before.disabledAt(), before.hasFeedToken());
      Future<Void> checked = url != null && !url.equals(before.url()) ? checkUrl(url) : Future.succeededFuture();
      return checked.compose(v -> subscriptions.update(changed))
          .map(issued -> withSecret(json(issued.subscription()), issued.secret()));
    });
  }

  private Future<JsonObject> delete(RoutingContext ctx) {
    return owned(ctx).compose(s -> subscriptions.delete(s.id()))
        .map(done -> new JsonObject().put("id", ctx.pathParam("id")).put("deleted", true));
  }

  private Future<JsonObject> rotate(RoutingContext ctx) {
    JsonObject body = RequestReader.jsonBody(ctx);
    Object hours = body.getValue("overlapHours", 24);
    if (!(hours instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > MAX_OVERLAP_HOURS) {
      throw ApiException.badRequest("bad_field", "overlapHours must be a number from 0 to " + MAX_OVERLAP_HOURS);
    }
    Duration overlap = Duration.ofMinutes(Math.round(((Number) hours).doubleValue() * 60));
    return owned(ctx).compose(s -> {
      if (!s.isWebhook()) {
        return Future.failedFuture(new ApiException(409, "not_a_webhook",
            "subscription " + s.id() + " has no url, so there is no secret to rotate"));
      }
      return subscriptions.rotateSecret(s.id(), overlap);
    }).map(issued -> withSecret(json(issued.subscription()), issued.secret()));
  }

  private Future<JsonObject> issueToken(RoutingContext ctx) {
    return owned(ctx).compose(s -> subscriptions.issueFeedToken(s.id())).map(issued -> json(issued.subscription())
        .put("feedToken", issued.feedToken())
        .put("feedUrl", ApiVerticle.API_ROOT + "/alerts.atom?token=" + issued.feedToken()));
  }

  private Future<JsonObject> revokeToken(RoutingContext ctx) {
    return owned(ctx).compose(s -> subscriptions.revokeFeedToken(s.id())).compose(done -> done
        ? Future.succeededFuture(new JsonObject().put("id", ctx.pathParam("id")).put("feedTokenRevoked", true))
        : Future.failedFuture(ApiException.notFound("subscription " + ctx.pathParam("id") + " has no feed token")));
  }

  private Future<JsonObject> deliveries(RoutingContext ctx) {
    int limit = Math.min(RequestReader.limit(ctx), DeliveryState.LOG_LENGTH);
    return owned(ctx).compose(s -> state.deliveries(s.id(), limit)).map(lines -> {
      JsonArray items = new JsonArray();
      lines.forEach(line -> items.add(line.toJson()));
      return new JsonObject().put("items", items);
    });
  }

  private Future<JsonObject> redeliver(RoutingContext ctx) {
    JsonObject body = RequestReader.jsonBody(ctx);
    String alertId = RequestReader.text(body, "alertId", 45);
    if (!AlertFeed.isCursor(alertId)) {
      throw ApiException.badRequest("bad_field", "alertId must be an alert's cursor, like 1732521600000-0");
    }
    return owned(ctx).compose(s -> {
      if (!s.isWebhook()) {
        return Future.failedFuture(new ApiException(409, "not_a_webhook", "subscription " + s.id() + " has no url"));
      }
      return alerts.get(alertId).compose(alert -> alert == null
          ? Future.failedFuture(ApiException.notFound("no alert " + alertId + " is kept"))
          : state.queueRedelivery(s.id(), alertId).recover(e -> Future.failedFuture(e instanceof IllegalStateException
              ? new ApiException(409, "redeliveries_queued", e.getMessage()) : e)));
    }).map(v -> new JsonObject().put("id", ctx.pathParam("id")).put("alertId", alertId).put("queued", true));
  }

  /** The subscription named in the path, when the caller may manage it; 404 otherwise (no hint that it exists). */
  private Future<Subscription> owned(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    ApiKey caller = Authentication.caller(ctx);
    return subscriptions.get(id).compose(s -> s != null && (caller.role().may(Permission.ADMINISTER)
        || s.ownerKeyId().equals(caller.id())) ? Future.succeededFuture(s)
        : Future.failedFuture(ApiException.notFound("no subscription " + id)));
  }

  private Future<Void> checkUrl(String url) {
    if (url == null) {
      return Future.succeededFuture();
    }
    return urls.check(url).recover(e -> Future.failedFuture(e instanceof IllegalArgumentException
        ? ApiException.badRequest("url_refused", e.getMessage()) : e));
  }

  private static void refuseUnknown(JsonObject body) {
    for (String field : body.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw ApiException.badRequest("bad_field", "unknown field " + field + "; a subscription takes "
            + new java.util.TreeSet<>(FIELDS));
      }
    }
  }

  private static String nullableUrl(JsonObject body) {
    return body.getValue("url") == null ? null : RequestReader.optionalText(body, "url", 2000);
  }

  private static String startAfter(JsonObject body) {
    String given = RequestReader.optionalText(body, "startAfter", 45);
    if (given == null) {
      return null;
    }
    if (given.equals("oldest")) {
      return "0-0";
    }
    if (!AlertFeed.isCursor(given)) {
      throw ApiException.badRequest("bad_field", "startAfter must be an alert cursor or \"oldest\"");
    }
    return given;
  }

  private static WebhookFormat format(JsonObject body, String url) {
    String given = body.getValue("format") == null ? null : RequestReader.optionalText(body, "format", 10);
    if (given == null) {
      return WebhookFormat.JSON;
    }
    WebhookFormat format = WebhookFormat.fromWire(given);
    if (format == null) {
      throw ApiException.badRequest("bad_field", "format must be json, slack or teams");
    }
    if (url == null) {
      throw ApiException.badRequest("bad_field", "format belongs to a webhook: give its url too");
    }
    return format;
  }

  private static String language(JsonObject body) {
    String given = body.getValue("language") == null ? null : RequestReader.optionalText(body, "language", 5);
    if (given == null) {
      return "en";
    }
    if (!given.equals("en") && !given.equals("nl")) {
      throw ApiException.badRequest("bad_field", "language (of Slack and Teams messages) must be en or nl");
    }
    return given;
  }

  /** The filter of a body: an object of the filter's names, each a text or a list of texts (minUrgency a number). */
  static AlertFilter filter(Object value) {
    if (value == null) {
      return AlertFilter.ALL;
    }
    if (!(value instanceof JsonObject json)) {
      throw ApiException.badRequest("bad_filter", "filter must be an object such as {\"type\": [\"case.opened\"], "
          + "\"brand\": \"acme\"}");
    }
    for (String name : json.fieldNames()) {
      if (!AlertFilter.NAMES.contains(name)) {
        throw ApiException.badRequest("bad_filter", "unknown filter " + name + "; filters are " + AlertFilter.NAMES);
      }
    }
    try {
      return AlertFilter.read(name -> {
        Object v = json.getValue(name);
        if (v == null) {
          return List.of();
        }
        if (v instanceof JsonArray list) {
          return list.stream().map(item -> {
            if (!(item instanceof String) && !(item instanceof Number)) {
              throw new IllegalArgumentException(name + " must list texts");
            }
            return item.toString();
          }).toList();
        }
        if (v instanceof String || v instanceof Number) {
          return List.of(v.toString());
        }
        throw new IllegalArgumentException(name + " must be a text or a list of texts");
      });
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_filter", e.getMessage());
    }
  }

  static JsonObject json(Subscription s) {
    JsonObject json = new JsonObject().put("id", s.id()).put("name", s.name())
        .put("owner", new JsonObject().put("keyId", s.ownerKeyId()).put("name", s.ownerName())
            .put("role", s.ownerRole().wire()))
        .put("createdAt", s.createdAt().toString())
        .put("filter", new JsonObject(s.filter().asMap()))
        .put("enabled", s.enabled())
        .put("feedToken", s.hasFeedToken());
    if (s.isWebhook()) {
      json.put("url", masked(s.url())).put("format", s.format().wire()).put("language", s.messageLanguage())
          .put("namesAuthors", s.namesAuthors());
      if (s.previousUntil() != null && s.previousUntil().isAfter(java.time.Instant.now())) {
        json.put("previousSecretUntil", s.previousUntil().toString());
      }
    }
    if (!s.enabled()) {
      json.put("disabledReason", s.disabledReason())
          .put("disabledAt", s.disabledAt() == null ? null : s.disabledAt().toString());
    }
    return json;
  }

  private static JsonObject withSecret(JsonObject json, String secret) {
    return secret == null ? json : json.put("secret", secret);
  }

  /**
   * The webhook URL as answers show it: scheme, host and the start of the path. Many receivers (Slack, Teams)
   * put their secret in the URL, so it is shown whole only once, in the request that sets it.
   */
  static String masked(String url) {
    try {
      java.net.URI uri = new java.net.URI(url);
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
      boolean cut = path.length() > 16 || uri.getRawQuery() != null;
      return origin + (path.length() > 16 ? path.substring(0, 16) : path) + (cut ? "…" : "");
    } catch (java.net.URISyntaxException e) {
      return "?";
    }
  }

  private static String host(String url) {
    try {
      return java.net.URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

}
