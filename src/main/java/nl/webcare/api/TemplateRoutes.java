package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import nl.webcare.access.Permission;
import nl.webcare.worklist.ReplyTemplates;
import nl.webcare.worklist.ReplyTemplate;
import nl.webcare.worklist.TemplateText;

/**
 * Reply templates per language, managed by leads: {@code PUT /templates/{name}} {@code {"language","text"}}
 * (a text with an unknown placeholder is refused), {@code GET /templates}, {@code DELETE /templates/{name}?language=}.
 */
final class TemplateRoutes {
  private static final String NAME = "[a-z0-9][a-z0-9-]{0,63}";
  private final ReplyTemplates templates;

  TemplateRoutes(ReplyTemplates templates) {
    this.templates = templates;
  }

  void mount(Router api) {
    api.put("/templates/:name").handler(Authentication.requires(Permission.MANAGE_TEMPLATES))
        .handler(Responses.json(this::save));
    api.get("/templates").handler(Authentication.requires(Permission.WORK_CASES)).handler(Responses.json(this::list));
    api.delete("/templates/:name").handler(Authentication.requires(Permission.MANAGE_TEMPLATES))
        .handler(Responses.json(this::delete));
  }

  private Future<JsonObject> save(RoutingContext ctx) {
    String name = name(ctx);
    JsonObject body = RequestReader.jsonBody(ctx);
    String language = language(RequestReader.text(body, "language", 2));
    String text = RequestReader.text(body, "text", 5000);
    List<String> unknown = TemplateText.unknownPlaceholders(text);
    if (!unknown.isEmpty()) {
      throw new ApiException(400, "unknown_placeholder", "unknown placeholder(s) " + unknown + "; known: "
          + TemplateText.PLACEHOLDERS.stream().map(p -> "{" + p + "}").sorted().toList(),
          new JsonObject().put("unknown", new JsonArray(unknown)));
    }
    ReplyTemplate template = new ReplyTemplate(name, language, text, Authentication.caller(ctx).owner(), Instant.now());
    return templates.save(template).map(v -> new JsonObject(template.encode()));
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    return templates.all().map(all -> {
      JsonArray items = new JsonArray();
      all.forEach(t -> items.add(new JsonObject(t.encode())));
      return new JsonObject().put("items", items);
    });
  }

  private Future<JsonObject> delete(RoutingContext ctx) {
    String name = name(ctx);
    String language = language(ctx.queryParams().get("language"));
    return templates.delete(name, language).compose(done -> done
        ? Future.succeededFuture(new JsonObject().put("name", name).put("language", language).put("deleted", true))
        : Future.failedFuture(ApiException.notFound("no template " + name + " in " + language)));
  }

  private static String name(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!name.matches(NAME)) {
      throw ApiException.badRequest("bad_parameter", "template names are lower-case letters, digits and '-'");
    }
    return name;
  }

  private static String language(String language) {
    if (language == null || !language.matches("[a-z]{2}")) {
      throw ApiException.badRequest("bad_field", "language must be a two-letter code such as nl or en");
    }
    return language;
  }
}
