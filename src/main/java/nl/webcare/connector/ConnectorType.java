package nl.webcare.connector;

/**
 * A kind of source (feed, X, ...). Implementations are listed in
 * {@code META-INF/services/nl.webcare.connector.ConnectorType}; adding a kind of source is adding a
 * package with one of these, adding a source of a known kind is adding a YAML file.
 */
public interface ConnectorType {

  /** The {@code type} value in connector files that selects this kind. */
  String type();

  /**
   * Checks the type-specific parts of a definition.
   *
   * @throws IllegalArgumentException with a message naming the wrong key
   */
  void validate(ConnectorDefinition definition);

  /** Builds the connector; called only for {@link #polled()} types. */
  Connector create(ConnectorDefinition definition, ConnectorContext context);

  /**
   * False for sources that push to Webcare ({@code POST /api/v1/ingest/{source}}) instead of being
   * polled: they get no poller and need no {@code url}.
   */
  default boolean polled() {
    return true;
  }

  /**
   * The URL to poll when the file gives none, built from the type's options (a subreddit, a search
   * query, an app id); null when this type needs an explicit {@code url}.
   *
   * @throws IllegalArgumentException when the options needed to build it are wrong
   */
  default SourcePurpose defaultPurpose(java.util.Map<String, Object> options) {
    return SourcePurpose.BOTH;
  }

  /**
   * What this type's sources are read for when the file does not say ({@code purpose}): mentions of the brand,
   * reviews and pushes are for care and listening alike.
   */
  default String derivedUrl(java.util.Map<String, Object> options) {
    return null;
  }
}
