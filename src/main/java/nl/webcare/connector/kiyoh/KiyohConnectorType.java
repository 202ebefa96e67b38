package nl.webcare.connector.kiyoh;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorType;

/**
 * {@code type: kiyoh}: the reviews of one Kiyoh location (Dutch review platform). Options:
 * {@code hashEnv} (the variable that holds the feed hash from the Kiyoh dashboard, required),
 * {@code limit} (reviews per read, default 50), {@code language} (default nl), {@code reviewPageUrl}
 * (the public review page, where a reply is written). {@code url} defaults to Kiyoh's feed address;
 * Klantenvertellen locations use {@code https://www.klantenvertellen.nl/v1/review/feed.xml}.
 */
public final class KiyohConnectorType implements ConnectorType {
  static final String DEFAULT_URL = "https://www.kiyoh.com/v1/review/feed.xml";
  private static final Set<String> OPTIONS = Set.of("hashEnv", "limit", "language", "reviewPageUrl");

  @Override
  public String type() {
    return "kiyoh";
  }

  @Override
  public void validate(ConnectorDefinition d) {
    for (String key : d.options().keySet()) {
      if (!OPTIONS.contains(key)) {
        throw new IllegalArgumentException("unknown key " + key + " for type kiyoh; known: " + new TreeSet<>(OPTIONS));
      }
    }
    if (d.option("hashEnv") == null) {
      throw new IllegalArgumentException("hashEnv must name the environment variable that holds the Kiyoh feed hash");
    }
    long limit = d.longOption("limit", 50);
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1..1000, got " + limit);
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
    return new KiyohConnector(definition, context);
  }
}
