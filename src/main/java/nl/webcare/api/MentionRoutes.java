package nl.webcare.api;

import nl.webcare.access.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.MentionStore;

/** Recent scored mentions, for agents and marketing. */
final class MentionRoutes {
  private static final int MAX_FILTER_CHARS = 100;

  private final MentionStore mentions;

  MentionRoutes(MentionStore mentions) {
    this.mentions = mentions;
  }

  void mount(Router api) {
    api.get("/mentions").handler(Authentication.requires(Permission.READ_MENTIONS)).handler(Responses.json(this::recent));
    api.get("/mentions/:id").handler(Authentication.requires(Permission.READ_MENTIONS)).handler(Responses.json(this::one));
  }

  private Future<JsonObject> recent(RoutingContext ctx) {
    String labelText = ctx.queryParams().get("label");
    SentimentLabel label = null;
    if (labelText != null) {
      label = SentimentLabel.fromWire(labelText);
      if (label == null) {
        throw ApiException.badRequest("bad_parameter", "label must be negative, neutral, positive or unscored, got " + labelText);
      }
    }
    MentionStore.Query query = new MentionStore.Query(label, filter(ctx, "source"), filter(ctx, "brand"),
        RequestReader.limit(ctx), RequestReader.cursor(ctx));
    return mentions.recent(query).map(page -> {
      JsonArray items = new JsonArray();
      page.mentions().forEach(m -> items.add(ApiJson.mentionJson(m, Authentication.mayReadAuthors(ctx))));
      return new JsonObject().put("items", items).put("next", page.next() == null ? null : page.next().encode());
    });
  }

  private Future<JsonObject> one(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[0-9a-f]{20}")) {
      throw ApiException.notFound("no mention " + id);
    }
    return mentions.find(id).compose(m -> m == null
        ? Future.failedFuture(ApiException.notFound("no mention " + id))
        : Future.succeededFuture(ApiJson.mentionJson(m, Authentication.mayReadAuthors(ctx))));
  }

  private static String filter(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    if (value == null) {
      return null;
    }
    if (value.isBlank() || value.length() > MAX_FILTER_CHARS) {
      throw ApiException.badRequest("bad_parameter", name + " must be a non-empty text of at most " + MAX_FILTER_CHARS + " characters");
    }
    return value;
  }
}
