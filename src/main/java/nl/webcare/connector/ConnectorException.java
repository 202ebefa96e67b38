package nl.webcare.connector;

/** A poll that failed, with a message fit for the connector status page. */
public class ConnectorException extends RuntimeException {
  public ConnectorException(String message) {
    super(message);
  }

  public ConnectorException(String message, Throwable cause) {
    super(message, cause);
  }
}
