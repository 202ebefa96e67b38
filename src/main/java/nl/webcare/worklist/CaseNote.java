package nl.webcare.worklist;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** An internal note on a case: never sent to the customer. */
public record CaseNote(Instant at, String author, String text) {

  public String encode() {
    return new JsonObject().put("at", at.toString()).put("author", author).put("text", text).encode();
  }

  public static CaseNote decode(String json) {
    JsonObject o = new JsonObject(json);
    return new CaseNote(Instant.parse(o.getString("at")), o.getString("author"), o.getString("text"));
  }
}
