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
import io.vertx.core.net.SocketAddress;
import java.net.URI;
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

  /** Redirects followed at most, each hop checked by the guard like the first. */
  static final int MAX_REDIRECTS = 5;
  private static final java.util.Set<Integer> REDIRECTS = java.util.Set.of(301, 302, 303, 307, 308);
  /** Headers that carry a credential: they go to the origin they were configured for, never further. */
  private static final java.util.Set<String> CREDENTIALS = java.util.Set.of("authorization", "proxy-authorization",
      "cookie");

  private final Vertx vertx;
  private final HttpClient http;
  private final OutboundGuard guard;
  private final int timeoutMs;
  private final int maxBytes;

  public HttpFetcher(Vertx vertx, HttpClient http, OutboundGuard guard, int timeoutMs, int maxBytes) {
    this.vertx = vertx;
    this.http = http;
    this.guard = guard;
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
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.put(HttpHeaders.ACCEPT.toString(), accept);
    if (etag != null) {
      all.put(HttpHeaders.IF_NONE_MATCH.toString(), etag);
    }
    if (lastModified != null) {
      all.put(HttpHeaders.IF_MODIFIED_SINCE.toString(), lastModified);
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new ConnectorException("refused: not a URL"));
    }
    return get(uri, all, 0);
  }

  /**
   * One hop of a GET. Redirects are followed here, by hand, so that each hop passes the guard; a hop to another
   * origin (scheme, host or port) leaves the credentials behind.
   */
  private Future<HttpResponseBody> get(URI uri, Map<String, String> headers, int hops) {
    return target(uri).compose(target -> exchange(options(HttpMethod.GET, target, headers), null))
        .recover(error -> {
          if (!(error instanceof Redirect redirect)) {
            return Future.failedFuture(error);
          }
          if (hops >= MAX_REDIRECTS) {
            return Future.failedFuture(new ConnectorException("more than " + MAX_REDIRECTS + " redirects"));
          }
          URI next;
          try {
            next = uri.resolve(redirect.location.trim());
          } catch (IllegalArgumentException e) {
            return Future.failedFuture(new ConnectorException("redirected to something that is not a URL"));
          }
          return get(next, sameOrigin(uri, next) ? headers : withoutCredentials(headers), hops + 1);
        });
  }

  private Future<OutboundGuard.Target> target(URI uri) {
    return vertx.executeBlocking(() -> guard.check(uri), false);
  }

  private RequestOptions options(HttpMethod method, OutboundGuard.Target target, Map<String, String> headers) {
    RequestOptions options = new RequestOptions()
        .setMethod(method)
        .setAbsoluteURI(target.uri().toString())
        // connect to the address the guard checked, not to a second DNS answer
        .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
        .setFollowRedirects(false)
        .setConnectTimeout(timeoutMs)
        .setIdleTimeout(timeoutMs)
        .putHeader(HttpHeaders.USER_AGENT, USER_AGENT);
    headers.forEach(options::putHeader);
    return options;
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static Map<String, String> withoutCredentials(Map<String, String> headers) {
    Map<String, String> kept = new java.util.LinkedHashMap<>(headers);
    kept.keySet().removeIf(name -> CREDENTIALS.contains(name.toLowerCase(java.util.Locale.ROOT)));
    return kept;
  }

  /** A 3xx with a Location: where the hop loop goes next. */
  private static final class Redirect extends RuntimeException {
    final String location;

    Redirect(String location) {
      super(null, null, false, false);
      this.location = location;
    }
  }

  /**
   * A POST of a JSON body (a reply through a social API), with the same deadline, cap and failures as
   * {@link #fetch(String, String, Map, String, String)}. Never retried here: a post must not go out twice.
   */
  public Future<HttpResponseBody> postJson(String url, Map<String, String> headers, String json) {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.put(HttpHeaders.ACCEPT.toString(), ACCEPT_JSON);
    all.put(HttpHeaders.CONTENT_TYPE.toString(), "application/json");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new ConnectorException("refused: not a URL"));
    }
    // a redirect of a POST is not followed: it answers as the status it is
    return target(uri).compose(target -> exchange(options(HttpMethod.POST, target, all), Buffer.buffer(json)))
        .recover(error -> Future.failedFuture(error instanceof Redirect
            ? new HttpStatusException(307, "source answered a redirect to a POST; not followed") : error));
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
            result.tryFail(ar.cause() instanceof ConnectorException || ar.cause() instanceof Redirect ? ar.cause()
                : unreachable(ar.cause()));
          }
        });
  }

  private Future<HttpResponseBody> read(HttpClientRequest request, HttpClientResponse response) {
    int status = response.statusCode();
    if (status == 304) {
      return response.end().map(v -> new HttpResponseBody(true, Buffer.buffer(), null, null, null, 304));
    }
    String location = response.getHeader(HttpHeaders.LOCATION);
    if (REDIRECTS.contains(status) && location != null && !location.isBlank()) {
      discard(request, response);
      return Future.failedFuture(new Redirect(location));
    }
    if (status < 200 || status > 299) {
      discard(request, response);
      String retryAfter = response.getHeader(HttpHeaders.RETRY_AFTER);
      String message = "source answered HTTP " + status
          + (response.statusMessage() == null ? "" : " " + response.statusMessage())
          + (retryAfter == null ? "" : " (Retry-After: " + retryAfter + ")");
      return Future.failedFuture(status == 429 ? new RateLimitedException(message, retryAt(retryAfter))
          : new HttpStatusException(status, message, retryAt(retryAfter)));
    }
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && parseLength(length) > maxBytes) {
      discard(request, response);
      return Future.failedFuture(tooLarge());
    }
    return readCapped(request, response).map(body -> new HttpResponseBody(false, body,
        response.getHeader(HttpHeaders.CONTENT_TYPE), response.getHeader(HttpHeaders.ETAG),
        response.getHeader(HttpHeaders.LAST_MODIFIED), status));
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
