package nl.webcare.connector.bluesky;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.SourceTime;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionDetails;

/** A {@code postView} of {@code app.bsky.feed.searchPosts} to a mention. */
final class BlueskyPostMapper {
  static final String CHANNEL = "bluesky";
  private final ConnectorDefinition definition;

  BlueskyPostMapper(ConnectorDefinition definition) {
    this.definition = definition;
  }

  /** The mention, or null when the post has no uri or no text (an image-only post). */
  Mention map(JsonObject post, Instant fetchedAt) {
    String uri = post.getString("uri");
    JsonObject record = post.getJsonObject("record", new JsonObject());
    String text = record.getString("text");
    if (uri == null || text == null || text.isBlank()) {
      return null;
    }
    JsonObject author = post.getJsonObject("author", new JsonObject());
    String handle = author.getString("handle");
    String name = author.getString("displayName");
    JsonObject reply = record.getJsonObject("reply");
    MentionDetails details = new MentionDetails(handle, null, null,
        reply == null ? null : reply.getJsonObject("root", new JsonObject()).getString("uri"),
        reply == null ? null : reply.getJsonObject("parent", new JsonObject()).getString("uri"), engagement(post), null);
    Instant created = SourceTime.parse(record.getString("createdAt"));
    return new Mention(Mention.idFor(definition.name(), uri), definition.name(), CHANNEL, definition.brand(), uri,
        name != null && !name.isBlank() ? name : handle, null, text, link(uri, handle),
        created != null ? created : fetchedAt, language(record.getJsonArray("langs")), null, null, details);
  }

  /** The time Bluesky sorts and filters by ({@code since}): the earlier of created and indexed. */
  static Instant sortAt(JsonObject post) {
    Instant created = SourceTime.parse(post.getJsonObject("record", new JsonObject()).getString("createdAt"));
    Instant indexed = SourceTime.parse(post.getString("indexedAt"));
    if (created == null || indexed == null) {
      return created != null ? created : indexed;
    }
    return created.isBefore(indexed) ? created : indexed;
  }

  private static Integer engagement(JsonObject post) {
    int total = 0;
    for (String key : new String[] {"likeCount", "repostCount", "replyCount", "quoteCount"}) {
      Object value = post.getValue(key);
      if (value instanceof Number n && n.intValue() > 0) {
        total += n.intValue();
      }
    }
    return total;
  }

  /** {@code at://did/app.bsky.feed.post/rkey} -> {@code https://bsky.app/profile/handle/post/rkey}. */
  private static String link(String uri, String handle) {
    int slash = uri.lastIndexOf('/');
    if (handle == null || slash < 0) {
      return null;
    }
    return "https://bsky.app/profile/" + handle + "/post/" + uri.substring(slash + 1);
  }

  private String language(JsonArray langs) {
    if (langs != null && !langs.isEmpty() && langs.getValue(0) instanceof String lang && lang.length() >= 2) {
      return lang.substring(0, 2).toLowerCase(java.util.Locale.ROOT);
    }
    return definition.option("language");
  }

}
