package nl.webcare.connector.feed;

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
import nl.webcare.connector.ConnectorException;

/**
 * Conditional GET of a feed with a size cap and a deadline.
 *
 * <p>This uses Vert.x core's HttpClient rather than the WebClient: the WebClient buffers a whole body
 * before handing it over, so it cannot stop a huge response at the cap. Here the body is read chunk
 * by chunk and the request is reset as soon as it passes the cap or the deadline.
 */
final class FeedFetcher {
  static final String USER_AGENT = "Webcare/0.1 (feed monitor for social-care teams)";
  static final String ACCEPT =
      "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5";

  private final Vertx vertx;
  private final HttpClient http;
  private final int timeoutMs;
  private final int maxBytes;

  FeedFetcher(Vertx vertx, HttpClient http, int timeoutMs, int maxBytes) {
    this.vertx = vertx;
    this.http = http;
    this.timeoutMs = timeoutMs;
    this.maxBytes = maxBytes;
  }

  Future<FeedResponse> fetch(String url, String etag, String lastModified) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setAbsoluteURI(url)
        .setFollowRedirects(true)
        .setConnectTimeout(timeoutMs)
        .setIdleTimeout(timeoutMs)
        .putHeader(HttpHeaders.USER_AGENT, USER_AGENT)
        .putHeader(HttpHeaders.ACCEPT, ACCEPT);
    if (etag != null) {
      options.putHeader(HttpHeaders.IF_NONE_MATCH, etag);
    }
    if (lastModified != null) {
      options.putHeader(HttpHeaders.IF_MODIFIED_SINCE, lastModified);
    }
    Promise<FeedResponse> result = Promise.promise();
    http.request(options)
        .onFailure(e -> result.tryFail(unreachable(e)))
        .onSuccess(request -> sendWithDeadline(request, result));
    return result.future();
  }

  private void sendWithDeadline(HttpClientRequest request, Promise<FeedResponse> result) {
    long deadline = vertx.setTimer(timeoutMs, id -> {
      result.tryFail(new ConnectorException("no complete answer within " + timeoutMs + " ms"));
      request.reset();
    });
    request.send()
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

  private Future<FeedResponse> read(HttpClientRequest request, HttpClientResponse response) {
    int status = response.statusCode();
    if (status == 304) {
      return response.end().map(v -> new FeedResponse(true, Buffer.buffer(), null, null, null));
    }
    if (status < 200 || status > 299) {
      discard(request, response);
      String retryAfter = response.getHeader(HttpHeaders.RETRY_AFTER);
      return Future.failedFuture(new ConnectorException("feed answered HTTP " + status
          + (response.statusMessage() == null ? "" : " " + response.statusMessage())
          + (retryAfter == null ? "" : " (Retry-After: " + retryAfter + ")")));
    }
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && parseLength(length) > maxBytes) {
      discard(request, response);
      return Future.failedFuture(tooLarge());
    }
    return readCapped(request, response).map(body -> new FeedResponse(false, body,
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
    return new ConnectorException("feed body is larger than the limit of " + maxBytes + " bytes");
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
    return new ConnectorException("could not read the feed: " + message, cause);
  }
}
