package nl.webcare.connector.bluesky;

import java.util.Map;
import java.util.Set;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorType;
import nl.webcare.connector.OptionChecks;

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
    OptionChecks.requireKnown(d, OPTIONS);
    if (d.option("query") == null || d.option("query").isBlank()) {
      throw new IllegalArgumentException("query is required, e.g. \"acme energie\"");
    }
    OptionChecks.requireRange(d, "limit", 50, 1, 100);
    OptionChecks.requireRange(d, "maxPagesPerPoll", 3, 1, 20);
    OptionChecks.requireLanguage(d);
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
