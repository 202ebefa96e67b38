package nl.webcare.worklist;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A reply to the customer, kept on the case: sent through the channel ({@code postId} is the channel's id of
 * the reply) or written elsewhere ({@code link} says where: the review site's answer, an e-mail thread).
 */
public record CaseReply(Instant at, String agent, String text, String channel, String inReplyTo, String postId,
    String link) {

  public String encode() {
    JsonObject json = new JsonObject().put("at", at.toString()).put("agent", agent).put("text", text)
        .put("channel", channel).put("inReplyTo", inReplyTo).put("postId", postId).put("link", link);
    json.getMap().values().removeIf(java.util.Objects::isNull);
    return json.encode();
  }

  public static CaseReply decode(String text) {
    JsonObject o = new JsonObject(text);
    return new CaseReply(Instant.parse(o.getString("at")), o.getString("agent"), o.getString("text"),
        o.getString("channel"), o.getString("inReplyTo"), o.getString("postId"), o.getString("link"));
  }
}
