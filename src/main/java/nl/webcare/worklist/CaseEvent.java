package nl.webcare.worklist;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One line of a case's history: who did what, when, and the particulars (reason, team, note ...).
 * Stored as JSON in the case's history list.
 */
public record CaseEvent(Instant at, String actor, String action, JsonObject detail) {

  public String encode() {
    return new JsonObject().put("at", at.toString()).put("actor", actor).put("action", action)
        .put("detail", detail == null ? new JsonObject() : detail).encode();
  }

  public static CaseEvent decode(String json) {
    JsonObject o = new JsonObject(json);
    return new CaseEvent(Instant.parse(o.getString("at")), o.getString("actor"), o.getString("action"),
        o.getJsonObject("detail", new JsonObject()));
  }
}
