package nl.webcare.connector.mastodon;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.CredentialsRejectedException;
import nl.webcare.connector.PollResult;
import nl.webcare.connector.http.JsonApiClient;
import nl.webcare.mention.Mention;

/**
 * Reads a Mastodon instance's REST API where an RSS feed is not enough: a hashtag timeline
 * ({@code tag}), an account's statuses ({@code accountId}) or a full-text search ({@code query}, which
 * Mastodon allows only with a token). The cursor is the newest status id, sent as {@code min_id} so
 * that each page holds the statuses right after it and nothing in between is skipped.
 */
final class MastodonConnector implements Connector {
  static final String CURSOR_MIN_ID = "minId";
  private final ConnectorDefinition definition;
  private final ConnectorContext context;
  private final JsonApiClient api;
  private final MastodonStatusMapper mapper;
  private final int limit;
  private final int maxPages;

  MastodonConnector(ConnectorDefinition definition, ConnectorContext context) {
    this.definition = definition;
    this.context = context;
    this.api = new JsonApiClient(context.fetcher(), context.parsers(), "Mastodon");
    this.mapper = new MastodonStatusMapper(definition);
    this.limit = (int) definition.longOption("limit", 40);
    this.maxPages = (int) definition.longOption("maxPagesPerPoll", 3);
  }

  @Override
  public ConnectorDefinition definition() {
    return definition;
  }

  /**
   * Replies through Mastodon when the file names a token and sets {@code reply: true} (the token then
   * needs the {@code write:statuses} scope).
   */
  @Override
  public java.util.Optional<nl.webcare.connector.ReplyChannel> replyChannel() {
    if (!definition.booleanOption("reply", false)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new MastodonReplyChannel(api, definition.url(),
        context.secret(definition, "tokenEnv"), (int) definition.longOption("maxReplyChars", 500)));
  }

  @Override
  public Future<PollResult> poll(Map<String, String> cursor) {
    return Future.succeededFuture(definition).map(d -> context.optionalSecret(d, "tokenEnv"))
        .compose(token -> page(token, cursor.get(CURSOR_MIN_ID), new ArrayList<>(), 0, 1));
  }

  private Future<PollResult> page(String token, String minId, List<Mention> found, int skipped, int number) {
    return api.get(url(minId), token).compose(json -> {
      JsonArray statuses = statuses(json);
      Instant fetchedAt = Instant.now();
      String newest = minId;
      int skippedNow = skipped;
      for (Object item : statuses) {
        if (!(item instanceof JsonObject status)) {
          skippedNow++;
          continue;
        }
        newest = newer(newest, status.getString("id"));
        Mention mention = mapper.map(status, fetchedAt);
        if (mention == null) {
          skippedNow++;
        } else {
          found.add(mention);
        }
      }
      boolean more = minId != null && statuses.size() >= limit && number < maxPages && !isSearch();
      if (more) {
        return page(token, newest, found, skippedNow, number + 1);
      }
      Map<String, String> next = new HashMap<>();
      if (newest != null) {
        next.put(CURSOR_MIN_ID, newest);
      }
      return Future.succeededFuture(new PollResult(found, next, false, skippedNow));
    });
  }

  private JsonArray statuses(Object json) {
    if (json instanceof JsonArray array) {
      return array;
    }
    if (json instanceof JsonObject object && object.getValue("statuses") instanceof JsonArray array) {
      return array;
    }
    throw new ConnectorException("Mastodon answered JSON that is not a list of statuses");
  }

  /** Mastodon ids are decimal numbers that grow with time; compared as numbers, not as text. */
  static String newer(String a, String b) {
    if (b == null || !b.matches("\\d{1,30}")) {
      return a;
    }
    if (a == null || !a.matches("\\d{1,30}")) {
      return b;
    }
    return new BigInteger(b).compareTo(new BigInteger(a)) > 0 ? b : a;
  }

  private boolean isSearch() {
    return definition.option("query") != null;
  }

  private String url(String minId) {
    String base = definition.url().replaceFirst("/+$", "");
    String tag = definition.option("tag");
    String account = definition.option("accountId");
    StringBuilder url = new StringBuilder(base);
    if (tag != null) {
      url.append("/api/v1/timelines/tag/").append(enc(tag.replaceFirst("^#", ""))).append("?limit=").append(limit);
    } else if (account != null) {
      url.append("/api/v1/accounts/").append(enc(account)).append("/statuses?limit=").append(limit);
    } else {
      url.append("/api/v2/search?type=statuses&resolve=false&q=").append(enc(definition.option("query")))
          .append("&limit=").append(limit);
    }
    if (minId != null) {
      url.append("&min_id=").append(enc(minId));
    }
    return url.toString();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
