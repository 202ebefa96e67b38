package nl.webcare.connector.x;

/**
 * X answered with an error, or did not answer.
 *
 * @see #status() the HTTP status, or -1 when the request failed before an answer (timeout, reset)
 */
final class XApiException extends Exception {
  private final int status;
  private final XPage.RateLimit rateLimit;

  XApiException(int status, String message, XPage.RateLimit rateLimit, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.rateLimit = rateLimit;
  }

  int status() {
    return status;
  }

  /** What the error's headers said about the rate limit, null when absent. */
  XPage.RateLimit rateLimit() {
    return rateLimit;
  }
}
