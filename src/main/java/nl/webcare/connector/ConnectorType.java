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

  Connector create(ConnectorDefinition definition, ConnectorContext context);
}
