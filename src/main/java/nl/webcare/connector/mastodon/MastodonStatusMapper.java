package nl.webcare.connector.mastodon;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.HtmlText;
import nl.webcare.connector.SourceTime;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionDetails;

/** A Mastodon {@code Status} (REST API JSON) to a mention. */
final class MastodonStatusMapper {
  static final String CHANNEL = "mastodon";
  private final ConnectorDefinition definition;
  private final String instanceHost;

  MastodonStatusMapper(ConnectorDefinition definition) {
    this.definition = definition;
    this.instanceHost = URI.create(definition.url()).getHost();
  }

  /** The mention, or null for a boost (the boosted post is someone else's words) or a status without text. */
  Mention map(JsonObject status, Instant fetchedAt) {
    String id = status.getString("id");
    String text = status.getString("content") == null ? "" : HtmlText.toPlain(status.getString("content"));
    if (id == null || status.getValue("reblog") != null || text.isBlank()) {
      return null;
    }
    JsonObject account = status.getJsonObject("account", new JsonObject());
    String acct = account.getString("acct");
    String handle = acct == null ? null : acct.contains("@") ? acct : acct + "@" + instanceHost;
    Object followers = account.getValue("followers_count");
    MentionDetails details = new MentionDetails(handle, followers instanceof Number n ? n.longValue() : null, null, null,
        status.getString("in_reply_to_id"), engagement(status), null);
    String name = account.getString("display_name");
    String spoiler = status.getString("spoiler_text");
    Instant created = SourceTime.parse(status.getString("created_at"));
    String language = status.getString("language");
    return new Mention(Mention.idFor(definition.name(), id), definition.name(), CHANNEL, definition.brand(), id,
        name != null && !name.isBlank() ? name : handle, spoiler == null || spoiler.isBlank() ? null : spoiler, text,
        status.getString("url", status.getString("uri")), created != null ? created : fetchedAt,
        language != null && language.length() == 2 ? language : definition.option("language"), null, null, details);
  }

  private static Integer engagement(JsonObject status) {
    int total = 0;
    for (String key : new String[] {"replies_count", "reblogs_count", "favourites_count"}) {
      if (status.getValue(key) instanceof Number n && n.intValue() > 0) {
        total += n.intValue();
      }
    }
    return total;
  }

}
