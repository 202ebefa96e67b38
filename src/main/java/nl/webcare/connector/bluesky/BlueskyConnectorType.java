package nl.webcare.connector.bluesky;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorType;

/**
 * {@code type: bluesky}: a Bluesky post search. Options: {@code query} (Bluesky search syntax, required),
 * {@code language} (only posts in that language), {@code limit} (1..100 per page, default 50),
 * {@code maxPagesPerPoll} (default 3), {@code tokenEnv} (a bearer token, when the AppView in {@code url}
 * asks for one). {@code url} defaults to the public AppView's searchPosts endpoint.
 */
public final class BlueskyConnectorType implements ConnectorType {
  static final String DEFAULT_URL = "https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts";
  private static final Set<String> OPTIONS = Set.of("query", "language", "limit", "maxPagesPerPoll", "tokenEnv");

  @Override
  public String type() {
    return "bluesky";
  }

  @Override
  public void validate(ConnectorDefinition d) {
    for (String key : d.options().keySet()) {
      if (!OPTIONS.contains(key)) {
        throw new IllegalArgumentException("unknown key " + key + " for type bluesky; known: " + new TreeSet<>(OPTIONS));
      }
    }
    if (d.option("query") == null || d.option("query").isBlank()) {
      throw new IllegalArgumentException("query is required, e.g. \"acme energie\"");
    }
    long limit = d.longOption("limit", 50);
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be 1..100, got " + limit);
    }
    long pages = d.longOption("maxPagesPerPoll", 3);
    if (pages < 1 || pages > 20) {
      throw new IllegalArgumentException("maxPagesPerPoll must be 1..20, got " + pages);
    }
    String language = d.option("language");
    if (language != null && !language.matches("[a-z]{2}")) {
      throw new IllegalArgumentException("language must be a two-letter ISO 639-1 code, got " + language);
    }
  }

  @Override
  public String derivedUrl(Map<String, Object> options) {
    return DEFAULT_URL;
  }

  @Override
  public Connector create(ConnectorDefinition definition, ConnectorContext context) {
    return new BlueskyConnector(definition, context);
  }
}
