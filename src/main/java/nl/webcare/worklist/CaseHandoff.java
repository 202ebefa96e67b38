package nl.webcare.worklist;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A switch from the public post to a private channel or a call-back, with the written confirmation of
 * what was agreed that the customer is sent.
 *
 * @param channel      dm, phone, email or chat
 * @param when         when the contact is planned, may be null ("as soon as possible")
 * @param agreement    what was agreed, in the agent's words
 * @param confirmation the confirmation text, in the case's language
 */
public record CaseHandoff(Instant at, String agent, String channel, Instant when, String agreement,
    String confirmation) {

  public String encode() {
    JsonObject json = new JsonObject().put("at", at.toString()).put("agent", agent).put("channel", channel)
        .put("when", when == null ? null : when.toString()).put("agreement", agreement)
        .put("confirmation", confirmation);
    json.getMap().values().removeIf(java.util.Objects::isNull);
    return json.encode();
  }

  public static CaseHandoff decode(String text) {
    JsonObject o = new JsonObject(text);
    return new CaseHandoff(Instant.parse(o.getString("at")), o.getString("agent"), o.getString("channel"),
        o.getString("when") == null ? null : Instant.parse(o.getString("when")), o.getString("agreement"),
        o.getString("confirmation"));
  }
}
