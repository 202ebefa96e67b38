package nl.webcare.connector.mastodon;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.ReplyChannel;
import nl.webcare.connector.http.JsonApiClient;

/**
 * Replies on Mastodon ({@code POST /api/v1/statuses} with {@code in_reply_to_id}), with the connector's
 * token (it needs the {@code write:statuses} scope). Mastodon counts a link as 23 characters whatever its
 * length; an instance takes 500 characters unless it says otherwise ({@code maxReplyChars}).
 */
final class MastodonReplyChannel implements ReplyChannel {
  private static final Pattern LINK = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
  private static final int LINK_WEIGHT = 23;
  private final JsonApiClient api;
  private final String statusesUrl;
  private final String token;
  private final int max;

  MastodonReplyChannel(JsonApiClient api, String instanceUrl, String token, int max) {
    this.api = api;
    this.statusesUrl = instanceUrl.replaceFirst("/+$", "") + "/api/v1/statuses";
    this.token = token;
    this.max = max;
  }

  @Override
  public int maxLength() {
    return max;
  }

  @Override
  public int length(String text) {
    Matcher links = LINK.matcher(text);
    int length = 0;
    int last = 0;
    while (links.find()) {
      length += text.codePointCount(last, links.start()) + LINK_WEIGHT;
      last = links.end();
    }
    return length + text.codePointCount(last, text.length());
  }

  @Override
  public Future<String> reply(String inReplyTo, String text) {
    if (text == null || text.isBlank()) {
      return Future.failedFuture(new IllegalArgumentException("a reply needs text"));
    }
    if (length(text) > max) {
      return Future.failedFuture(new IllegalArgumentException("the reply is " + length(text)
          + " characters as Mastodon counts them; the instance takes " + max));
    }
    JsonObject status = new JsonObject().put("status", text).put("in_reply_to_id", inReplyTo).put("visibility", "public");
    return api.post(statusesUrl, token, status).compose(json -> json instanceof JsonObject created
        && created.getString("id") != null ? Future.succeededFuture(created.getString("id"))
        : Future.failedFuture(new ConnectorException("Mastodon answered without the id of the new status")));
  }
}
