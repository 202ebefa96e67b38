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
import nl.webcare.connector.http.HttpFetcher;
import nl.webcare.connector.http.HttpResponseBody;

/**
 * Polls one RSS or Atom feed: conditional GET, Rome parsing on the parser worker pool, entries
 * normalised into mentions. The cursor holds the ETag and Last-Modified of the last good answer.
 */
final class FeedConnector implements Connector {
  static final String CURSOR_ETAG = "etag";
  static final String CURSOR_LAST_MODIFIED = "lastModified";
  /** The App Store serves at most 10 pages of 50 reviews. */
  static final int MAX_PAGES = 10;

  private final ConnectorDefinition definition;
  private final ConnectorContext context;
  private final HttpFetcher fetcher;
  private final SecureFeedParser parser = new SecureFeedParser();
  private final FeedEntryMapper mapper;
  private final int pages;

  FeedConnector(ConnectorDefinition definition, ConnectorContext context, String channel, FeedPreset preset) {
    this.definition = definition;
    this.context = context;
    this.fetcher = context.fetcher();
    this.mapper = new FeedEntryMapper(definition, channel, preset);
    this.pages = definition.url().contains("/page=1/") ? (int) definition.longOption("pages", 1) : 1;
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
            : parse(response).compose(first -> laterPages(first, 2))
                .map(mapped -> new PollResult(mapped.mentions(), nextCursor(cursor, response), false, mapped.skipped(),
                    null, Map.of(SKIPPED_FIGURE, skippedNote(mapped.skipped())))));
  }

  /**
   * Pages 2..{@code pages} of a paged feed (App Store reviews, newest first), read only while page 1
   * changed and each page still had entries. A later page that fails ends the run with what was read:
   * the next poll starts again at page 1, and the inbox drops what it has seen.
   */
  private Future<FeedEntryMapper.Mapped> laterPages(FeedEntryMapper.Mapped soFar, int page) {
    if (page > pages || soFar.mentions().isEmpty()) {
      return Future.succeededFuture(soFar);
    }
    String url = definition.url().replace("/page=1/", "/page=" + page + "/");
    return fetcher.fetch(url, null, null)
        .compose(this::parse)
        .compose(next -> next.mentions().isEmpty() ? Future.succeededFuture(soFar)
            : laterPages(soFar.plus(next), page + 1))
        .otherwise(soFar);
  }

  private Future<FeedEntryMapper.Mapped> parse(HttpResponseBody response) {
    byte[] body = response.body().getBytes();
    Instant fetchedAt = Instant.now();
    return context.parsers().executeBlocking(() -> {
      SyndFeed feed = parser.parse(body, response.contentType());
      return mapper.map(feed, SecureFeedParser.declaredLanguage(body), fetchedAt);
    }, false);
  }

  /** The status figure that says how many entries of the last poll could not become a mention, and why. */
  static final String SKIPPED_FIGURE = "skippedLastPoll";

  static String skippedNote(int skipped) {
    return skipped == 0 ? "0" : skipped + " (entries without guid, link or title, or without text)";
  }

  private static Map<String, String> nextCursor(Map<String, String> previous, HttpResponseBody response) {
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
