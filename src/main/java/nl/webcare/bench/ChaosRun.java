package nl.webcare.bench;

import nl.webcare.store.RedisKeys;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import nl.webcare.connector.push.RequestSignature;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;

/**
 * The fault run: its own redis-server (append-only, fsync always), a Webcare process and four signed relays that
 * push mentions at once and retry each until it is accepted, as a relay would. While they push, Webcare is killed
 * with SIGKILL (at a fifth and three fifths of the way) and Redis is killed with SIGKILL (two fifths) and shut
 * down cleanly (four fifths); Webcare is started again at once, Redis after three seconds. Then it counts what
 * arrived: pushed (requests made), accepted, stored, lost, duplicate cases, dead letters, and the seconds from
 * each fault to the next accepted push. A webhook subscription to a receiver of the run's own gets every
 * {@code case.opened} meanwhile: the run also counts the openings whose webhook never came, and the repeats.
 */
public final class ChaosRun {
  private static final String SECRET = "chaos-relay-secret-0123456789";
  private static final String PREFIX = "chaos:";
  private static final String ADMIN_KEY = "chaos-admin-key-0123456789abcdef";
  private static final Duration GIVE_UP = Duration.ofMinutes(5);
  /** Relays pushing at once, so that a kill strikes requests in flight, not only the gap between two. */
  private static final int RELAYS = 4;
  /** How long Redis stays away before it is started again: long enough for pushes to meet it gone. */
  private static final Duration REDIS_DOWN = Duration.ofSeconds(3);

  /** What strikes, in order, when this share of the mentions has been accepted. */
  private enum Fault {
    WEBCARE_KILLED(0.2, "webcare_killed"),
    REDIS_KILLED(0.4, "redis_killed"),
    WEBCARE_KILLED_AGAIN(0.6, "webcare_killed_again"),
    REDIS_RESTARTED(0.8, "redis_restarted");

    final double at;
    final String key;

    Fault(double at, String key) {
      this.at = at;
      this.key = key;
    }
  }

  private final Path jar;
  private final LocalServers servers;
  private final int httpPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process webcare;
  private BenchWebhookReceiver receiver;

  private ChaosRun(Path jar) throws IOException {
    this.jar = jar;
    this.servers = new LocalServers("webcare-chaos");
    this.httpPort = LocalServers.freePort();
  }

  /** Runs it with {@code mentions} pushes offered at {@code perSecond}, Webcare started from {@code jar}; the figures as JSON. */
  public static JsonObject run(int mentions, int perSecond, Path jar) throws Exception {
    ChaosRun run = new ChaosRun(jar);
    try {
      return run.go(mentions, perSecond);
    } finally {
      run.stopAll();
    }
  }

  private JsonObject go(int mentions, int perSecond) throws Exception {
    Path connectors = Files.createDirectories(servers.work().resolve("connectors"));
    Files.writeString(connectors.resolve("chaos-relay.yaml"), "name: chaos-relay\ntype: push\nbrand: chaos\n"
        + "channel: form\nlanguage: en\nsecretEnv: CHAOS_SECRET\nratePerMinute: 100000\nmaxBodyBytes: 8192\n");
    servers.startRedis(true);
    receiver = new BenchWebhookReceiver();
    startWebcare(connectors);
    receiver.subscribeToOpenings(httpPort, ADMIN_KEY, "chaos receiver");
    AtomicInteger next = new AtomicInteger();
    AtomicInteger accepted = new AtomicInteger();
    AtomicLong requests = new AtomicLong();
    AtomicLongArray acceptedAt = new AtomicLongArray(mentions);
    ExecutorService relays = Executors.newFixedThreadPool(RELAYS);
    List<Future<?>> running = new ArrayList<>();
    // each relay pauses between its pushes (not to a fixed schedule), so that no burst makes up for a fault's
    // downtime and the later faults still strike while mentions keep coming
    long pauseNanos = RELAYS * 1_000_000_000L / perSecond;
    for (int r = 0; r < RELAYS; r++) {
      running.add(relays.submit(() -> {
        for (int i = next.getAndIncrement(); i < mentions; i = next.getAndIncrement()) {
          Thread.sleep(pauseNanos / 1_000_000, (int) (pauseNanos % 1_000_000));
          requests.addAndGet(push(i));
          acceptedAt.set(accepted.getAndIncrement(), System.nanoTime());
        }
        return null;
      }));
    }
    JsonObject recovery = new JsonObject();
    try {
      for (Fault fault : Fault.values()) {
        while (accepted.get() < mentions * fault.at && !allDone(running)) {
          Thread.sleep(5);
        }
        if (allDone(running)) {
          break;
        }
        long struck = System.nanoTime();
        takeDown(fault);
        // counted once the process is gone: a push accepted while it was still going down is no recovery
        int before = accepted.get();
        bringUp(fault, connectors);
        while (accepted.get() == before && !allDone(running)) {
          Thread.sleep(5);
        }
        while (accepted.get() > before && acceptedAt.get(before) == 0) {
          Thread.onSpinWait(); // its relay is writing the time down
        }
        if (accepted.get() > before) {
          // the relays go on pushing while a restarted Webcare loads its models: the first push it accepts ends
          // the outage as a relay sees it
          recovery.put(fault.key, round((acceptedAt.get(before) - struck) / 1e9));
        }
      }
      for (Future<?> relay : running) {
        relay.get();
      }
    } finally {
      relays.shutdownNow();
    }
    return count(mentions, requests.get(), accepted.get(), recovery);
  }

  /** Waits until every accepted mention is handled (or the drain time is up), then counts. */
  private JsonObject count(int mentions, long requests, int accepted, JsonObject recovery) throws InterruptedException {
    long deadline = System.nanoTime() + GIVE_UP.toNanos() + Duration.ofMillis(100L * mentions).toNanos();
    try (RedisClient client = servers.redisClient()) {
      // handled means stored (or dead-lettered) and acknowledged: a mention stored by a process killed before it
      // filed the case is still pending, and another process takes it over after scoring.claimIdleMs
      while ((client.zcard(new RedisKeys(PREFIX).mentionsByTime()) + client.xlen(new RedisKeys(PREFIX).deadLetterStream()) < accepted
          || pending(client) > 0) && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      long stored = client.zcard(new RedisKeys(PREFIX).mentionsByTime());
      long dead = client.xlen(new RedisKeys(PREFIX).deadLetterStream());
      Set<String> opened = openings(client);
      while (!receiver.ids().containsAll(opened) && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      Set<String> missing = new HashSet<>(opened);
      missing.removeAll(receiver.ids());
      return new JsonObject().put("pushed", requests).put("accepted", accepted).put("stored", stored)
          .put("lost", accepted - stored - dead).put("duplicate_cases", duplicateCases(client))
          .put("incident_cases", incidentCases(client))
          .put("dead_letters", dead)
          .put("webhooks", new JsonObject().put("cases_opened", opened.size()).put("delivered", opened.size()
              - missing.size()).put("lost", missing.size()).put("repeats", receiver.requests() - receiver.ids().size()))
          .put("recovery_seconds", recovery);
    }
  }

  /** The fault itself: the process killed, or Redis shut down; returns once it is gone. */
  private void takeDown(Fault fault) throws IOException, InterruptedException {
    switch (fault) {
      case WEBCARE_KILLED, WEBCARE_KILLED_AGAIN -> webcare.destroyForcibly().waitFor();
      case REDIS_KILLED -> servers.killRedis();
      case REDIS_RESTARTED -> servers.shutdownRedis();
    }
  }

  /** Webcare started again at once; Redis after {@link #REDIS_DOWN}, from its append-only file. */
  private void bringUp(Fault fault, Path connectors) throws IOException, InterruptedException {
    switch (fault) {
      case WEBCARE_KILLED, WEBCARE_KILLED_AGAIN -> startWebcare(connectors);
      case REDIS_KILLED, REDIS_RESTARTED -> {
        Thread.sleep(REDIS_DOWN.toMillis());
        servers.startRedis(true);
      }
    }
  }

  private static boolean allDone(List<Future<?>> relays) {
    return relays.stream().allMatch(Future::isDone);
  }

  /** Pushes mention {@code i} until Webcare answers 202, as a relay retries; the number of requests it took. */
  private long push(int i) throws InterruptedException {
    byte[] body = new JsonObject().put("externalId", "chaos-" + i)
        .put("text", "Terrible service, order " + i + " never arrived and nobody answers!")
        .put("author", new JsonObject().put("name", "Customer " + i).put("handle", "customer-" + i)).encode()
        .getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/ingest/chaos-relay"))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .header(RequestSignature.HEADER, RequestSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    for (long tries = 1; System.nanoTime() < deadline; tries++) {
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202) {
          return tries;
        }
      } catch (IOException notUp) {
        // Webcare or Redis is down: a relay waits and tries again
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("mention " + i + " was not accepted within " + GIVE_UP.toMinutes() + " minutes");
  }

  /** Messages the scorers took and have not acknowledged yet. */
  private static long pending(RedisClient client) {
    try {
      return client.xpending(new RedisKeys(PREFIX).mentionStream(), "scorers").getTotal();
    } catch (RuntimeException noGroupYet) {
      return 1;
    }
  }

  /** The webhook-ids the receiver must get: one per case.opened alert in the stream. */
  private static Set<String> openings(RedisClient client) {
    Set<String> ids = new HashSet<>();
    for (var entry : client.xrange(new RedisKeys(PREFIX).alertStream(), (redis.clients.jedis.StreamEntryID) null, null)) {
      if ("case.opened".equals(entry.getFields().get("type"))) {
        ids.add("msg_" + entry.getID());
      }
    }
    return ids;
  }

  /** Subscribes the run's receiver to every new case, as an integrator would. */


  /** Incident cases the spike detector opened: the run's burst of complaints is a spike in its own right. */
  private static long incidentCases(RedisClient client) {
    long incidents = 0;
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      var page = client.scan(cursor, new ScanParams().match(new RedisKeys(PREFIX).caseHash("WC-*")).count(1000));
      for (String key : page.getResult()) {
        if (new RedisKeys(PREFIX).caseIdOf(key) != null && "spike-detector".equals(client.hget(key, "source"))) {
          incidents++;
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return incidents;
  }

  private static long duplicateCases(RedisClient client) {
    Set<String> mentions = new HashSet<>();
    long cases = 0;
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      var page = client.scan(cursor, new ScanParams().match(new RedisKeys(PREFIX).caseHash("WC-*")).count(1000));
      for (String key : page.getResult()) {
        // an incident case (a spike of these very complaints) shows one of them and is no duplicate
        if (new RedisKeys(PREFIX).caseIdOf(key) != null
            && !"spike-detector".equals(client.hget(key, "source"))) {
          cases++;
          mentions.add(client.hget(key, "mentionId"));
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return cases - mentions.size();
  }

  private void startWebcare(Path connectors) throws IOException, InterruptedException {
    webcare = servers.startWebcare(jar, httpPort, Map.of("WEBCARE_REDIS_KEY_PREFIX", PREFIX,
        "WEBCARE_CONNECTORS_DIR", connectors.toString(), "WEBCARE_ADMIN_KEY", ADMIN_KEY,
        "WEBCARE_OUTBOUND_ALLOW_HOSTS", "127.0.0.1", "CHAOS_SECRET", SECRET));
  }

  private void stopAll() {
    if (receiver != null) {
      receiver.close();
    }
    servers.close();
  }

  private static double round(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }
}
