package nl.webcare.delivery;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import nl.webcare.connector.http.OutboundGuard;

/**
 * Whether a webhook URL may be subscribed: an absolute http or https URL without user info, not too long, whose
 * host passes the outbound guard now (it is checked again at every delivery, so a host that later resolves inward
 * is refused then too). Resolving blocks: the check runs on a worker.
 */
public final class WebhookUrls {
  private static final int MAX_CHARS = 2000;
  private final Vertx vertx;
  private final OutboundGuard guard;

  public WebhookUrls(Vertx vertx, OutboundGuard guard) {
    this.vertx = vertx;
    this.guard = guard;
  }

  /** Fails with an {@link IllegalArgumentException} that says why the URL cannot be used. */
  public Future<Void> check(String url) {
    URI uri;
    try {
      uri = syntax(url);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return vertx.executeBlocking(() -> {
      try {
        guard.check(uri);
        return null;
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }, false);
  }

  static URI syntax(String url) {
    if (url.length() > MAX_CHARS) {
      throw new IllegalArgumentException("url is longer than " + MAX_CHARS + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("url is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("url must be an http or https URL");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("url names no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("url must not carry a user name or password; the signature authenticates");
    }
    return uri;
  }
}
