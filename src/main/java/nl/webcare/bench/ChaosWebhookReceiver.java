package nl.webcare.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault run's webhook receiver: a plain JDK HTTP server on loopback that answers every POST with 204 and
 * keeps the {@code webhook-id}s it got, so that the run can tell a lost delivery from a repeated one.
 */
final class ChaosWebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final Set<String> ids = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();

  ChaosWebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String id = exchange.getRequestHeaders().getFirst("webhook-id");
      if (id != null) {
        ids.add(id);
        requests.incrementAndGet();
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The distinct webhook-ids received. */
  Set<String> ids() {
    return Set.copyOf(ids);
  }

  long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
