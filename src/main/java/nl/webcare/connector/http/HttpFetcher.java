package nl.webcare.connector.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.RateLimitedException;

/**
 * Conditional GET of a feed or a JSON API with a size cap and a deadline, shared by every connector
 * that speaks HTTP itself. A 429 becomes a {@link RateLimitedException} that carries the
 * {@code Retry-After} time, so that the poller waits as long as the source asked.
 *
 * <p>This uses Vert.x core's HttpClient rather than the WebClient: the WebClient buffers a whole body
 * before handing it over, so it cannot stop a huge response at the cap. Here the body is read chunk
 * by chunk and the request is reset as soon as it passes the cap or the deadline.
 */
public final class HttpFetcher {
  static final String USER_AGENT = "Webcare/0.1 (feed monitor for social-care teams)";
  public static final String ACCEPT_FEEDS =
      "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";
  public static final String ACCEPT_JSON = "application/json";

  private final Vertx vertx;
  private final HttpClient http;
  private final int timeoutMs;
  private final int maxBytes;

  public HttpFetcher(Vertx vertx, HttpClient http, int timeoutMs, int maxBytes) {
    this.vertx = vertx;
    this.http = http;
    this.timeoutMs = timeoutMs;
    this.maxBytes = maxBytes;
  }

  /** A conditional GET of a feed. */
  public Future<HttpResponseBody> fetch(String url, String etag, String lastModified) {
    return fetch(url, ACCEPT_FEEDS, Map.of(), etag, lastModified);
  }

  /**
   * A GET with extra headers (an Authorization header for an API), conditional when {@code etag} or
   * {@code lastModified} is given. Fails with a {@link ConnectorException} that says what went wrong
   * without repeating the URL (it may hold a key), a {@link RateLimitedException} on 429, or an
   * {@link HttpStatusException} on any other status outside 2xx.
   */
  public Future<HttpResponseBody> fetch(String url, String accept, Map<String, String> headers, String etag,
      String lastModified) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setAbsoluteURI(url)
        .setFollowRedirects(true)
        .setConnectTimeout(timeoutMs)
        .setIdleTimeout(timeoutMs)
        .putHeader(HttpHeaders.USER_AGENT, USER_AGENT)
        .putHeader(HttpHeaders.ACCEPT, accept);
    headers.forEach(options::putHeader);
    if (etag != null) {
      options.putHeader(HttpHeaders.IF_NONE_MATCH, etag);
    }
    if (lastModified != null) {
      options.putHeader(HttpHeaders.IF_MODIFIED_SINCE, lastModified);
    }
    return exchange(options, null);
  }

  /**
   * A POST of a JSON body (a reply through a social API), with the same deadline, cap and failures as
   * {@link #fetch(String, String, Map, String, String)}. Never retried here: a post must not go out twice.
   */
  public Future<HttpResponseBody> postJson(String url, Map<String, String> headers, String json) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setAbsoluteURI(url)
        .setConnectTimeout(timeoutMs)
        .setIdleTimeout(timeoutMs)
        .putHeader(HttpHeaders.USER_AGENT, USER_AGENT)
        .putHeader(HttpHeaders.ACCEPT, ACCEPT_JSON)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    headers.forEach(options::putHeader);
    return exchange(options, Buffer.buffer(json));
  }

  private Future<HttpResponseBody> exchange(RequestOptions options, Buffer body) {
    Promise<HttpResponseBody> result = Promise.promise();
    http.request(options)
        .onFailure(e -> result.tryFail(unreachable(e)))
        .onSuccess(request -> sendWithDeadline(request, body, result));
    return result.future();
  }

  private void sendWithDeadline(HttpClientRequest request, Buffer body, Promise<HttpResponseBody> result) {
    long deadline = vertx.setTimer(timeoutMs, id -> {
      result.tryFail(new ConnectorException("no complete answer within " + timeoutMs + " ms"));
      request.reset();
    });
    (body == null ? request.send() : request.send(body))
        .compose(response -> read(request, response))
        .onComplete(ar -> {
          vertx.cancelTimer(deadline);
          if (ar.succeeded()) {
            result.tryComplete(ar.result());
          } else {
            result.tryFail(ar.cause() instanceof ConnectorException ? ar.cause() : unreachable(ar.cause()));
          }
        });
  }

  private Future<HttpResponseBody> read(HttpClientRequest request, HttpClientResponse response) {
    int status = response.statusCode();
    if (status == 304) {
      return response.end().map(v -> new HttpResponseBody(true, Buffer.buffer(), null, null, null));
    }
    if (status < 200 || status > 299) {
      discard(request, response);
      String retryAfter = response.getHeader(HttpHeaders.RETRY_AFTER);
      String message = "source answered HTTP " + status
          + (response.statusMessage() == null ? "" : " " + response.statusMessage())
          + (retryAfter == null ? "" : " (Retry-After: " + retryAfter + ")");
      return Future.failedFuture(status == 429 ? new RateLimitedException(message, retryAt(retryAfter))
          : new HttpStatusException(status, message));
    }
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && parseLength(length) > maxBytes) {
      discard(request, response);
      return Future.failedFuture(tooLarge());
    }
    return readCapped(request, response).map(body -> new HttpResponseBody(false, body,
        response.getHeader(HttpHeaders.CONTENT_TYPE), response.getHeader(HttpHeaders.ETAG),
        response.getHeader(HttpHeaders.LAST_MODIFIED)));
  }

  private Future<Buffer> readCapped(HttpClientRequest request, HttpClientResponse response) {
    Promise<Buffer> body = Promise.promise();
    Buffer received = Buffer.buffer();
    response.handler(chunk -> {
      if (received.length() + chunk.length() > maxBytes) {
        body.tryFail(tooLarge());
        request.reset();
      } else {
        received.appendBuffer(chunk);
      }
    });
    response.exceptionHandler(body::tryFail);
    response.endHandler(v -> body.tryComplete(received));
    return body.future();
  }

  /** Drops a response we will not read; the reset it causes is expected, not an error to log. */
  private static void discard(HttpClientRequest request, HttpClientResponse response) {
    response.exceptionHandler(ignored -> { });
    request.reset();
  }

  private ConnectorException tooLarge() {
    return new ConnectorException("the body is larger than the limit of " + maxBytes + " bytes");
  }

  /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
  static Instant retryAt(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    try {
      return Instant.now().plusSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static long parseLength(String header) {
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private ConnectorException unreachable(Throwable cause) {
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    if (message.contains("timeout") || message.contains("timed out")) {
      return new ConnectorException("no complete answer within " + timeoutMs + " ms", cause);
    }
    return new ConnectorException("could not read the source: " + message, cause);
  }
}
