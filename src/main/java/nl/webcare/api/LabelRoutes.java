package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import nl.webcare.access.Permission;
import nl.webcare.casework.Corrections;
import nl.webcare.learning.TeamLabel;
import nl.webcare.learning.TeamLabels;

/**
 * Corrections the team makes, kept as labels to learn from: {@code POST /cases/{id}/triage {"class"}} (what the case's
 * mention is, so whether it needed a reply) and {@code POST /mentions/{id}/label {"label"}} (its sentiment), by agents,
 * leads and admins; {@code GET /labels}: how many labels there are per brand, language, task and value (leads and
 * admins; counts only).
 */
final class LabelRoutes {
  private static final List<String> CLASSES = List.of("crisis", "complaint", "question", "praise", "other");
  private static final List<String> LABELS = List.of("positive", "neutral", "negative");

  private final Corrections corrections;
  private final TeamLabels labels;

  LabelRoutes(Corrections corrections, TeamLabels labels) {
    this.corrections = corrections;
    this.labels = labels;
  }

  void mount(Router api) {
    api.post("/cases/:id/triage").handler(Authentication.requires(Permission.WORK_CASES))
        .handler(Responses.json(this::triage));
    api.post("/mentions/:id/label").handler(Authentication.requires(Permission.WORK_CASES))
        .handler(Responses.json(this::sentiment));
    api.get("/labels").handler(Authentication.requires(Permission.LEAD_CASES)).handler(Responses.json(this::counts));
  }

  private Future<JsonObject> triage(RoutingContext ctx) {
    String value = oneOf(RequestReader.text(RequestReader.jsonBody(ctx), "class", 20), CLASSES, "class");
    return corrections.correctTriage(WorklistRoutes.caseId(ctx), value, Authentication.actor(ctx)).map(LabelRoutes::json);
  }

  private Future<JsonObject> sentiment(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !id.matches("[0-9a-f]{1,64}")) {
      throw ApiException.badRequest("bad_parameter", "a mention id is hexadecimal");
    }
    String value = oneOf(RequestReader.text(RequestReader.jsonBody(ctx), "label", 20), LABELS, "label");
    return corrections.correctSentiment(id, value, Authentication.actor(ctx)).map(LabelRoutes::json);
  }

  private Future<JsonObject> counts(RoutingContext ctx) {
    return labels.counts().map(all -> {
      JsonObject groups = new JsonObject();
      all.forEach((group, values) -> {
        JsonObject v = new JsonObject();
        values.forEach(v::put);
        groups.put(group, v);
      });
      return new JsonObject().put("groups", groups);
    });
  }

  private static String oneOf(String value, List<String> allowed, String field) {
    if (!allowed.contains(value)) {
      throw ApiException.badRequest("bad_field", field + " must be one of " + allowed);
    }
    return value;
  }

  private static JsonObject json(TeamLabel label) {
    return new JsonObject().put("mentionId", label.mentionId()).put("task", label.task().wire())
        .put("value", label.value()).put("source", label.source()).put("by", label.by())
        .put("at", label.at().toString());
  }
}
