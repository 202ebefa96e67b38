package nl.webcare.connector.http;

import nl.webcare.connector.ConnectorException;

/** The source answered with a status outside 2xx (other than 429, which is a rate limit). */
public class HttpStatusException extends ConnectorException {
  private final int status;

  public HttpStatusException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
