package nl.webcare.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.webcare.config.WebcareConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds every client to the server's limits, so that slow or silent clients cannot hold connections: a
 * connection must send a request's headers within {@code headerTimeout} of opening (or of its last answer), and
 * its body within {@code bodyTimeout}; at most {@code maxConnections} are open. Idle kept-alive connections are
 * closed by the server's own idle timeout. A client cut off is logged once per reason and minute, not per client.
 */
final class ConnectionGuard {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

  private final Vertx vertx;
  private final WebcareConfig.Guards limits;
  private final AtomicInteger open = new AtomicInteger();
  /** Per connection: the timer waiting for its next request's headers. */
  private final Map<HttpConnection, Long> waitingForHeaders = new ConcurrentHashMap<>();
  private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

  ConnectionGuard(Vertx vertx, WebcareConfig.Guards limits) {
    this.vertx = vertx;
    this.limits = limits;
  }

  /** Watches the connections of {@code server}. */
  void watch(HttpServer server) {
    server.connectionHandler(connection -> {
      if (open.incrementAndGet() > limits.maxConnections()) {
        open.decrementAndGet();
        note("more than " + limits.maxConnections() + " connections open: a new one was closed");
        connection.close();
        return;
      }
      connection.closeHandler(v -> {
        open.decrementAndGet();
        cancel(connection);
      });
      awaitHeaders(connection);
    });
  }

  /** A request's headers have arrived: its body must follow in time, and the next request's headers after it. */
  void requestArrived(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    HttpConnection connection = request.connection();
    cancel(connection);
    long body = request.isEnded() ? -1 : vertx.setTimer(limits.bodyTimeout().toMillis(), id -> {
      if (!request.isEnded()) {
        note("a request body did not arrive within " + limits.bodyTimeout().toSeconds() + " s: closed");
        connection.close();
      }
    });
    ctx.addEndHandler(ended -> {
      if (body >= 0) {
        vertx.cancelTimer(body);
      }
      if (ended.succeeded()) {
        awaitHeaders(connection);
      }
    });
    ctx.next();
  }

  private void awaitHeaders(HttpConnection connection) {
    long timer = vertx.setTimer(limits.headerTimeout().toMillis(), id -> {
      waitingForHeaders.remove(connection);
      note("request headers did not arrive within " + limits.headerTimeout().toSeconds() + " s: closed");
      connection.close();
    });
    Long earlier = waitingForHeaders.put(connection, timer);
    if (earlier != null) {
      vertx.cancelTimer(earlier);
    }
  }

  private void cancel(HttpConnection connection) {
    Long timer = waitingForHeaders.remove(connection);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }

  private void note(String reason) {
    long now = System.currentTimeMillis();
    Long last = lastLogged.get(reason);
    if (last == null || now - last > 60_000) {
      lastLogged.put(reason, now);
      LOG.warn("HTTP: {} (logged once a minute)", reason);
    }
  }

  /** Connections open now. */
  int open() {
    return open.get();
  }
}
