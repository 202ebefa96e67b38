package nl.webcare.connector.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.PollResult;

/**
 * Polls one RSS or Atom feed: conditional GET, Rome parsing on the parser worker pool, entries
 * normalised into mentions. The cursor holds the ETag and Last-Modified of the last good answer.
 */
final class FeedConnector implements Connector {
  static final String CURSOR_ETAG = "etag";
  static final String CURSOR_LAST_MODIFIED = "lastModified";

  private final ConnectorDefinition definition;
  private final ConnectorContext context;
  private final FeedFetcher fetcher;
  private final SecureFeedParser parser = new SecureFeedParser();
  private final FeedEntryMapper mapper;

  FeedConnector(ConnectorDefinition definition, ConnectorContext context, String channel) {
    this.definition = definition;
    this.context = context;
    this.fetcher = new FeedFetcher(context.vertx(), context.http(), context.limits().requestTimeoutMs(),
        context.limits().maxFeedBytes());
    this.mapper = new FeedEntryMapper(definition, channel);
  }

  @Override
  public ConnectorDefinition definition() {
    return definition;
  }

  @Override
  public Future<PollResult> poll(Map<String, String> cursor) {
    return fetcher.fetch(definition.url(), cursor.get(CURSOR_ETAG), cursor.get(CURSOR_LAST_MODIFIED))
        .compose(response -> response.notModified()
            ? Future.succeededFuture(PollResult.notModified(cursor))
            : parse(response).map(mapped -> new PollResult(mapped.mentions(), nextCursor(cursor, response), false,
                mapped.skipped())));
  }

  private Future<FeedEntryMapper.Mapped> parse(FeedResponse response) {
    byte[] body = response.body().getBytes();
    Instant fetchedAt = Instant.now();
    return context.parsers().executeBlocking(() -> {
      SyndFeed feed = parser.parse(body, response.contentType());
      return mapper.map(feed, SecureFeedParser.declaredLanguage(body), fetchedAt);
    }, false);
  }

  private static Map<String, String> nextCursor(Map<String, String> previous, FeedResponse response) {
    Map<String, String> next = new HashMap<>(previous);
    putOrRemove(next, CURSOR_ETAG, response.etag());
    putOrRemove(next, CURSOR_LAST_MODIFIED, response.lastModified());
    return next;
  }

  private static void putOrRemove(Map<String, String> cursor, String key, String value) {
    if (value == null) {
      cursor.remove(key);
    } else {
      cursor.put(key, value);
    }
  }
}
