package nl.webcare.worklist;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A reply template in one language, e.g. {@code refund-delay} in {@code nl}. */
public record ReplyTemplate(String name, String language, String text, String updatedBy, Instant updatedAt) {

  public String encode() {
    return new JsonObject().put("name", name).put("language", language).put("text", text).put("updatedBy", updatedBy)
        .put("updatedAt", updatedAt.toString()).encode();
  }

  public static ReplyTemplate decode(String json) {
    JsonObject o = new JsonObject(json);
    return new ReplyTemplate(o.getString("name"), o.getString("language"), o.getString("text"),
        o.getString("updatedBy"), Instant.parse(o.getString("updatedAt")));
  }
}
