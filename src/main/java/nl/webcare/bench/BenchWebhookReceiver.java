package nl.webcare.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmarks' webhook receiver: a plain JDK HTTP server on loopback that answers every POST with 204 and keeps
 * the {@code webhook-id}s it got, with the time each first came, so that a run can tell a lost delivery from a
 * repeated one and measure how long a delivery took.
 */
final class BenchWebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  /** webhook-id: when it first came, in microseconds since the epoch. */
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();

  BenchWebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      exchange.getRequestBody().readAllBytes();
      long now = BenchClock.epochMicros();
      String id = exchange.getRequestHeaders().getFirst("webhook-id");
      if (id != null) {
        arrivals.putIfAbsent(id, now);
        requests.incrementAndGet();
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  /** Subscribes this receiver to every {@code case.opened} of the Webcare on {@code httpPort}, as an integrator would. */
  void subscribeToOpenings(int httpPort, String adminKey, String name) throws IOException, InterruptedException {
    java.net.http.HttpResponse<String> made = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort + "/api/v1/subscriptions"))
            .header("Authorization", "Bearer " + adminKey).header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new io.vertx.core.json.JsonObject()
                .put("name", name).put("url", url())
                .put("filter", new io.vertx.core.json.JsonObject().put("type", "case.opened")).encode())).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    if (made.statusCode() != 201) {
      throw new IllegalStateException("could not subscribe the webhook receiver: " + made.body());
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The distinct webhook-ids received. */
  Set<String> ids() {
    return Set.copyOf(arrivals.keySet());
  }

  /** When each webhook-id first came, in microseconds since the epoch. */
  Map<String, Long> arrivals() {
    return Map.copyOf(arrivals);
  }

  long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
