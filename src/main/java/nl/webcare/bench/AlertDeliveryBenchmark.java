package nl.webcare.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import nl.webcare.app.WebcareApp;
import nl.webcare.config.ConfigLoader;
import nl.webcare.config.WebcareConfig;
import nl.webcare.sentiment.VaderSentimentAnalyzer;
import redis.clients.jedis.StreamEntryID;

/**
 * {@code bench-alerts}: alert delivery latency. Starts Webcare (embedded Redis or {@code REDIS_URL}) under a
 * throw-away prefix with N webhook subscriptions to receivers on loopback, one of which takes 5 s to answer, and
 * a live-stream client; writes alerts to the stream at a steady rate and reports, per path, how long from the
 * alert's write to its arrival: p50, p99 and max of the quick webhooks, of the stream, and how far the slow
 * receiver got. Everything (Webcare, Redis, receivers, client) shares this machine.
 */
public final class AlertDeliveryBenchmark {
  private static final long SLOW_MS = 5_000;

  private AlertDeliveryBenchmark() {}

  public static JsonObject run(int subscriptions, int perSecond, int seconds, Map<String, String> environment)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    ConcurrentMap<String, List<Long>> arrivals = new ConcurrentHashMap<>();
    ConcurrentMap<String, Long> slowArrivals = new ConcurrentHashMap<>();
    HttpServer receivers = vertx.createHttpServer().requestHandler(request -> {
      long at = System.nanoTime();
      String id = request.getHeader("webhook-id");
      request.end().onComplete(ended -> {
        if (request.path().startsWith("/slow")) {
          slowArrivals.putIfAbsent(id, at);
          vertx.setTimer(SLOW_MS, t -> request.response().setStatusCode(200).end());
        } else {
          arrivals.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>())).add(at);
          request.response().setStatusCode(204).end();
        }
      });
    });
    try {
      int port = receivers.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
      String adminKey = "bench-" + UUID.randomUUID();
      WebcareConfig defaults = new ConfigLoader(vertx).load(null, environment).toCompletionStage().toCompletableFuture()
          .get();
      WebcareConfig base = PipelineBenchmark.benchConfig(defaults);
      WebcareConfig config = new WebcareConfig(base.http(), base.redis(), base.connectors(), base.scoring(),
          base.retention(), base.demo(), base.worklist(), base.sla(), new WebcareConfig.Auth(adminKey, 1000),
          base.background(), new WebcareConfig.Outbound(List.of("127.0.0.1")), base.delivery(), base.spikes(), base.service(), base.learning());
      WebcareApp app = WebcareApp.start(vertx, config, VaderSentimentAnalyzer::load).toCompletionStage()
          .toCompletableFuture().get();
      try {
        return measure(app, port, adminKey, subscriptions, perSecond, seconds, arrivals, slowArrivals);
      } finally {
        PipelineBenchmark.deleteKeys(app, config.redis().keyPrefix());
        app.stop().toCompletionStage().toCompletableFuture().get();
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  private static JsonObject measure(WebcareApp app, int port, String adminKey, int subscriptions, int perSecond,
      int seconds, ConcurrentMap<String, List<Long>> arrivals, ConcurrentMap<String, Long> slowArrivals)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String api = "http://127.0.0.1:" + app.httpPort() + "/api/v1";
    for (int i = 0; i < subscriptions; i++) {
      String path = i == 0 ? "/slow" : "/quick/" + i;
      HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(api + "/subscriptions"))
          .header("Authorization", "Bearer " + adminKey).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", "bench " + i)
              .put("url", "http://127.0.0.1:" + port + path).encode())).build(), HttpResponse.BodyHandlers.ofString());
      if (made.statusCode() != 201) {
        throw new IllegalStateException("could not subscribe: " + made.body());
      }
    }
    ConcurrentMap<String, Long> streamed = new ConcurrentHashMap<>();
    HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(api + "/alerts/stream"))
        .header("Authorization", "Bearer " + adminKey).GET().build(), HttpResponse.BodyHandlers.ofLines());
    Thread reader = new Thread(() -> {
      try {
        stream.body().forEach(line -> {
          if (line.startsWith("id: ")) {
            streamed.putIfAbsent("msg_" + line.substring(4).trim(), System.nanoTime());
          }
        });
      } catch (RuntimeException closed) {
        // the benchmark closed the stream at its end
      }
    }, "bench-sse");
    reader.setDaemon(true);
    reader.start();
    // every quick subscription adopted and delivering: one warm-up alert reaches them all
    String warm = "msg_" + write(app, -1);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (arrivals.getOrDefault(warm, List.of()).size() < subscriptions - 1) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the subscriptions did not start delivering within 30 s");
      }
      Thread.sleep(50);
    }
    Map<String, Long> written = new ConcurrentHashMap<>();
    int total = perSecond * seconds;
    long start = System.nanoTime();
    long interval = 1_000_000_000L / perSecond;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      long before = System.nanoTime();
      written.put("msg_" + write(app, i), before);
    }
    long pushSeconds = (System.nanoTime() - start) / 1_000_000_000L;
    // the quick ones get everything within seconds; give them up to 30 s
    deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline && !allArrived(written, arrivals, subscriptions - 1)) {
      Thread.sleep(100);
    }
    stream.body().close();
    List<Double> quick = new ArrayList<>();
    long missing = 0;
    for (Map.Entry<String, Long> w : written.entrySet()) {
      List<Long> got = arrivals.getOrDefault(w.getKey(), List.of());
      synchronized (got) {
        missing += Math.max(0, subscriptions - 1 - got.size());
        for (Long at : got) {
          quick.add((at - w.getValue()) / 1e6);
        }
      }
    }
    List<Double> sse = new ArrayList<>();
    written.forEach((id, t0) -> {
      Long at = streamed.get(id);
      if (at != null) {
        sse.add((at - t0) / 1e6);
      }
    });
    long slowGot = written.keySet().stream().filter(slowArrivals::containsKey).count();
    return new JsonObject()
        .put("alerts", total).put("alerts_per_second", perSecond).put("push_seconds", pushSeconds)
        .put("subscriptions", subscriptions).put("slow_receiver_answers_after_ms", SLOW_MS)
        .put("quick_webhooks", summary(quick).put("deliveries", quick.size()).put("missing", missing))
        .put("live_stream", summary(sse).put("received", sse.size()))
        .put("slow_webhook_delivered", slowGot);
  }

  private static boolean allArrived(Map<String, Long> written, Map<String, List<Long>> arrivals, int each) {
    for (String id : written.keySet()) {
      if (arrivals.getOrDefault(id, List.of()).size() < each) {
        return false;
      }
    }
    return true;
  }

  private static String write(WebcareApp app, int i) throws Exception {
    String stream = app.redis().keys().alertStream();
    return app.redis().call(jedis -> jedis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("type", "case.opened",
        "caseId", "WC-B" + i, "at", Long.toString(System.currentTimeMillis()), "brand", "acme", "channel", "x",
        "team", "care", "urgency", "0.7", "triageClass", "complaint",
        "excerpt", "My order has not arrived after two weeks and nobody answers my messages, number " + i))
        .toString()).toCompletionStage().toCompletableFuture().get();
  }

  private static JsonObject summary(List<Double> millis) {
    if (millis.isEmpty()) {
      return new JsonObject();
    }
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return new JsonObject().put("p50_ms", round(at(sorted, 0.50))).put("p99_ms", round(at(sorted, 0.99)))
        .put("max_ms", round(sorted.get(sorted.size() - 1)));
  }

  private static double at(List<Double> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

  private static double round(double ms) {
    return Math.round(ms * 10) / 10.0;
  }
}
