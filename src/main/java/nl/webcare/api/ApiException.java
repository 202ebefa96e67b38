package nl.webcare.api;

import io.vertx.core.json.JsonObject;

/**
 * A request that cannot be served as asked, with the HTTP status, a stable error code for programs
 * and a message for people. Rendered by {@link ApiErrorHandler}.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final JsonObject details;
  private Long retryAfterSeconds;

  public ApiException(int status, String code, String message) {
    this(status, code, message, null);
  }

  public ApiException(int status, String code, String message, JsonObject details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public JsonObject details() {
    return details;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  /** 429 with a {@code Retry-After} header of {@code seconds}. */
  public static ApiException tooManyRequests(String message, long seconds) {
    ApiException e = new ApiException(429, "rate_limited", message, new JsonObject().put("retryAfterSeconds", seconds));
    e.retryAfterSeconds = seconds;
    return e;
  }

  /** 503 {@code store_unavailable} with a {@code Retry-After} header of {@code seconds}. */
  public static ApiException unavailable(String message, long seconds) {
    ApiException e = new ApiException(503, "store_unavailable", message);
    e.retryAfterSeconds = seconds;
    return e;
  }

  /** Seconds for a {@code Retry-After} header, or null. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
