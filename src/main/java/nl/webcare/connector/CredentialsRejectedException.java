package nl.webcare.connector;

/**
 * The source refused the credentials (HTTP 401 or 403: a wrong, expired or revoked token, or a plan
 * without access). Retrying cannot help: the poller stops this connector and says so on its status
 * until an operator fixes the secret and restarts Webcare.
 */
public class CredentialsRejectedException extends ConnectorException {
  public CredentialsRejectedException(String message) {
    super(message);
  }
}
