package nl.webcare.connector.http;

import nl.webcare.connector.ConnectorException;

/** The source answered with a status outside 2xx (other than 429, which is a rate limit). */
public class HttpStatusException extends ConnectorException {
  private final int status;
  private final java.time.Instant retryAt;

  public HttpStatusException(int status, String message) {
    this(status, message, null);
  }

  /** With the time of its {@code Retry-After} header (a 503 may carry one); null when it had none. */
  public HttpStatusException(int status, String message, java.time.Instant retryAt) {
    super(message);
    this.status = status;
    this.retryAt = retryAt;
  }

  /** When the server asked to be tried again, or null. */
  public java.time.Instant retryAt() {
    return retryAt;
  }

  public int status() {
    return status;
  }
}
