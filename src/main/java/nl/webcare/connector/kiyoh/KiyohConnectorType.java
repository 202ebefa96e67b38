package nl.webcare.connector.kiyoh;

import java.util.Map;
import java.util.Set;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorType;
import nl.webcare.connector.OptionChecks;

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
    OptionChecks.requireKnown(d, OPTIONS);
    OptionChecks.requireSecretName(d, "hashEnv", "the Kiyoh feed hash");
    OptionChecks.requireRange(d, "limit", 50, 1, 1000);
    OptionChecks.requireLanguage(d);
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
