package nl.webcare.connector.bluesky;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import nl.webcare.connector.PollResult;
import nl.webcare.connector.http.JsonApiClient;
import nl.webcare.mention.Mention;

/**
 * Searches Bluesky ({@code app.bsky.feed.searchPosts}, newest first) for the brand. The cursor is the
 * newest post time seen, sent as {@code since} so that each poll reads only what is new; a busy query
 * follows Bluesky's {@code cursor} for up to {@code maxPagesPerPoll} pages.
 */
final class BlueskyConnector implements Connector {
  static final String CURSOR_SINCE = "since";
  private final ConnectorDefinition definition;
  private final ConnectorContext context;
  private final JsonApiClient api;
  private final BlueskyPostMapper mapper;
  private final int limit;
  private final int maxPages;

  BlueskyConnector(ConnectorDefinition definition, ConnectorContext context) {
    this.definition = definition;
    this.context = context;
    this.api = new JsonApiClient(context.fetcher(), context.parsers(), "Bluesky");
    this.mapper = new BlueskyPostMapper(definition);
    this.limit = (int) definition.longOption("limit", 50);
    this.maxPages = (int) definition.longOption("maxPagesPerPoll", 3);
  }

  @Override
  public ConnectorDefinition definition() {
    return definition;
  }

  @Override
  public Future<PollResult> poll(Map<String, String> cursor) {
    Instant since = parse(cursor.get(CURSOR_SINCE));
    return Future.succeededFuture(definition).map(d -> context.optionalSecret(d, "tokenEnv"))
        .compose(token -> page(new Run(since == null ? null : since.toString(), token), null, 1));
  }

  private final class Run {
    final String since;
    final String token;
    final List<Mention> mentions = new ArrayList<>();
    Instant newest;
    int skipped;

    Run(String since, String token) {
      this.since = since;
      this.token = token;
      this.newest = parse(since);
    }
  }

  /** A stored cursor that is not a time (hand-edited, from an old version) starts afresh instead of failing for ever. */
  private static Instant parse(String since) {
    try {
      return since == null ? null : Instant.parse(since);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private Future<PollResult> page(Run run, String pageCursor, int number) {
    return api.get(url(run.since, pageCursor), run.token).compose(json -> {
      if (!(json instanceof JsonObject body) || !(body.getValue("posts") instanceof JsonArray posts)) {
        return Future.failedFuture(new ConnectorException("Bluesky answered JSON without a posts list"));
      }
      Instant fetchedAt = Instant.now();
      for (Object item : posts) {
        Mention mention = item instanceof JsonObject post ? mapper.map(post, fetchedAt) : null;
        if (mention == null) {
          run.skipped++;
          continue;
        }
        run.mentions.add(mention);
        Instant at = BlueskyPostMapper.sortAt((JsonObject) item);
        if (at != null && (run.newest == null || at.isAfter(run.newest))) {
          run.newest = at;
        }
      }
      String next = body.getString("cursor");
      boolean more = next != null && posts.size() >= limit && number < maxPages && run.since != null;
      return more ? page(run, next, number + 1) : Future.succeededFuture(finish(run));
    });
  }

  private PollResult finish(Run run) {
    Map<String, String> next = new HashMap<>();
    if (run.newest != null) {
      next.put(CURSOR_SINCE, run.newest.toString());
    }
    return new PollResult(run.mentions, next, false, run.skipped);
  }

  private String url(String since, String pageCursor) {
    StringBuilder url = new StringBuilder(definition.url()).append(definition.url().contains("?") ? "&" : "?")
        .append("q=").append(enc(definition.option("query"))).append("&sort=latest&limit=").append(limit);
    if (definition.option("language") != null) {
      url.append("&lang=").append(definition.option("language"));
    }
    if (since != null) {
      url.append("&since=").append(enc(since));
    }
    if (pageCursor != null) {
      url.append("&cursor=").append(enc(pageCursor));
    }
    return url.toString();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
