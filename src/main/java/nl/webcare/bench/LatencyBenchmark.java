package nl.webcare.bench;

import nl.webcare.store.RedisKeys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.webcare.connector.push.RequestSignature;
import nl.webcare.mention.Mention;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

/**
 * The latency run: a Webcare process of its own (from the jar, on a redis-server of its own) takes signed pushes
 * at a steady rate — sent on schedule whether or not earlier ones were answered, so a slow Webcare cannot slow the
 * offered load down and hide its own delay — each a complaint of a different customer, so each opens a case. For
 * every push it measures push -> case filed (the {@code case.opened} alert is added in the same script that files
 * the case; its stream id is Redis' clock at that moment) and push -> webhook delivered (a receiver of the run's
 * own, subscribed to {@code case.opened}). A minute at half the first rate warms the fresh process up first, and
 * the first seconds of each rate are not counted either.
 * Several rates run one after the other on the same process, each after the one before has drained.
 */
public final class LatencyBenchmark {
  private static final String SECRET = "latency-relay-secret-0123456789";
  private static final String PREFIX = "latency:";
  private static final String ADMIN_KEY = "latency-admin-key-0123456789abcdef";
  private static final String SOURCE = "latency-relay";
  private static final Duration DRAIN = Duration.ofMinutes(3);
  private static final String[] COMPLAINTS = {
      "my parcel %d never arrived and nobody answers my emails",
      "still no refund for order %d after three weeks, this is terrible",
      "the app crashes every time I try to pay invoice %d",
      "waited an hour on the phone about ticket %d and got cut off",
      "you charged me twice for order %d, please fix this",
      "mijn pakket %d is nooit aangekomen en niemand reageert",
      "al drie weken geen terugbetaling voor bestelling %d, echt slecht",
      "the delivery of order %d is five days late, very disappointed"};

  private final Path jar;
  private final LocalServers servers;
  private final int httpPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private BenchWebhookReceiver receiver;

  private LatencyBenchmark(Path jar) throws IOException {
    this.jar = jar;
    this.servers = new LocalServers("webcare-latency");
    this.httpPort = LocalServers.freePort();
  }

  /** Each rate (mentions per second) for {@code seconds} after {@code warmupSeconds}; the figures as JSON. */
  public static JsonObject run(Path jar, List<Integer> rates, int seconds, int warmupSeconds) throws Exception {
    LatencyBenchmark run = new LatencyBenchmark(jar);
    try {
      return run.go(rates, seconds, warmupSeconds);
    } finally {
      if (run.receiver != null) {
        run.receiver.close();
      }
      run.servers.close();
    }
  }

  private JsonObject go(List<Integer> rates, int seconds, int warmupSeconds) throws Exception {
    Path connectors = Files.createDirectories(servers.work().resolve("connectors"));
    Files.writeString(connectors.resolve(SOURCE + ".yaml"), "name: " + SOURCE + "\ntype: push\nbrand: acme\n"
        + "channel: form\nsecretEnv: LATENCY_SECRET\nratePerMinute: 100000\nmaxBodyBytes: 8192\n");
    servers.startRedis(false);
    receiver = new BenchWebhookReceiver();
    servers.startWebcare(jar, httpPort, Map.of("WEBCARE_REDIS_KEY_PREFIX", PREFIX,
        "WEBCARE_CONNECTORS_DIR", connectors.toString(), "WEBCARE_ADMIN_KEY", ADMIN_KEY,
        "WEBCARE_OUTBOUND_ALLOW_HOSTS", "127.0.0.1", "LATENCY_SECRET", SECRET));
    receiver.subscribeToOpenings(httpPort, ADMIN_KEY, "latency receiver");
    JsonArray runs = new JsonArray();
    Integer highestWithin1s = null;
    // a fresh process compiles its hot paths and warms CoreNLP for about a minute and scores slowly meanwhile: the
    // backlog of that minute would be charged to the first rate measured. So first a minute at half the first rate,
    // drained, not counted (measured: a cold first run at 90/s gave p50 12 s, the same process then 100/s p50 25 ms)
    int warmRate = Math.max(1, rates.get(0) / 2);
    atRate(warmRate, 60, 0, 0);
    int offset = warmRate * 60;
    for (int rate : rates) {
      JsonObject figures = atRate(rate, seconds, warmupSeconds, offset);
      offset += rate * (seconds + warmupSeconds);
      runs.add(figures);
      Double p99 = figures.getJsonObject("push_to_case_ms").getDouble("p99");
      if (p99 != null && p99 <= 1000 && figures.getLong("not_filed") == 0) {
        highestWithin1s = highestWithin1s == null ? rate : Math.max(highestWithin1s, rate);
      }
    }
    return new JsonObject().put("seconds_per_rate", seconds).put("warmup_seconds", warmupSeconds)
        .put("cores", Runtime.getRuntime().availableProcessors()).put("runs", runs)
        .put("highest_rate_with_p99_case_within_1s", highestWithin1s);
  }

  /** Pushes at {@code rate} per second, then waits until every push has its case and webhook; the figures. */
  private JsonObject atRate(int rate, int seconds, int warmupSeconds, int offset) throws Exception {
    int total = rate * (seconds + warmupSeconds);
    int warmup = rate * warmupSeconds;
    Map<String, Long> pushedAt = new ConcurrentHashMap<>(); // mention id -> epoch micros
    AtomicLong refused = new AtomicLong();
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    long lastSent = start;
    for (int i = 0; i < total; i++) {
      long due = start + i * periodNanos;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      int n = offset + i;
      String externalId = "lat-" + n;
      if (i >= warmup) {
        pushedAt.put(Mention.idFor(SOURCE, externalId), BenchClock.epochMicros());
      }
      inFlight.add(http.sendAsync(request(n, externalId), HttpResponse.BodyHandlers.discarding())
          .thenAccept(r -> {
            if (r.statusCode() != 202) {
              refused.incrementAndGet();
            }
          }).exceptionally(e -> {
            refused.incrementAndGet();
            return null;
          }));
      lastSent = System.nanoTime();
    }
    double offered = (total - 1) / ((lastSent - start) / 1e9);
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    Map<String, Long> filedAt = new HashMap<>();
    Map<String, String> webhookOf = new HashMap<>();
    long deadline = System.nanoTime() + DRAIN.toNanos();
    try (RedisClient client = servers.redisClient()) {
      StreamEntryID after = null;
      while (System.nanoTime() < deadline) {
        for (var entry : client.xrange(new RedisKeys(PREFIX).alertStream(), after, (StreamEntryID) null)) {
          after = new StreamEntryID(entry.getID().getTime(), entry.getID().getSequence() + 1);
          String mention = entry.getFields().get("mentionId");
          if ("case.opened".equals(entry.getFields().get("type")) && pushedAt.containsKey(mention)) {
            filedAt.put(mention, entry.getID().getTime() * 1000);
            webhookOf.put(mention, "msg_" + entry.getID());
          }
        }
        Map<String, Long> arrivals = receiver.arrivals();
        if (filedAt.size() == pushedAt.size() && webhookOf.values().stream().allMatch(arrivals::containsKey)) {
          break;
        }
        Thread.sleep(200);
      }
    }
    Map<String, Long> arrivals = receiver.arrivals();
    List<Long> toCase = new ArrayList<>();
    List<Long> toWebhook = new ArrayList<>();
    pushedAt.forEach((mention, at) -> {
      Long filed = filedAt.get(mention);
      if (filed != null) {
        toCase.add(filed - at);
        Long arrived = arrivals.get(webhookOf.get(mention));
        if (arrived != null) {
          toWebhook.add(arrived - at);
        }
      }
    });
    return new JsonObject().put("rate", rate).put("offered_per_second", Math.round(offered * 10) / 10.0)
        .put("measured", pushedAt.size()).put("refused", refused.get())
        .put("not_filed", pushedAt.size() - toCase.size()).put("webhooks_missing", toCase.size() - toWebhook.size())
        .put("push_to_case_ms", percentiles(toCase)).put("push_to_webhook_ms", percentiles(toWebhook));
  }

  private HttpRequest request(int n, String externalId) {
    byte[] body = new JsonObject().put("externalId", externalId)
        .put("text", "@acme " + COMPLAINTS[n % COMPLAINTS.length].formatted(10_000 + n))
        .put("author", new JsonObject().put("name", "Customer " + n).put("handle", "customer-" + n)).encode()
        .getBytes(StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/ingest/" + SOURCE))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .header(RequestSignature.HEADER, RequestSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  /** p50, p99 and max in milliseconds (one decimal); microseconds in. A clock step below zero counts as 0. */
  static JsonObject percentiles(List<Long> micros) {
    if (micros.isEmpty()) {
      return new JsonObject().put("n", 0);
    }
    long[] sorted = micros.stream().mapToLong(v -> Math.max(0, v)).toArray();
    Arrays.sort(sorted);
    return new JsonObject().put("n", sorted.length).put("p50", ms(sorted[(int) Math.ceil(0.50 * sorted.length) - 1]))
        .put("p99", ms(sorted[(int) Math.ceil(0.99 * sorted.length) - 1])).put("max", ms(sorted[sorted.length - 1]));
  }

  private static double ms(long micros) {
    return Math.round(micros / 100.0) / 10.0;
  }


}
