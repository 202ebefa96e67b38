package nl.webcare.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.webcare.connector.push.RequestSignature;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;

/**
 * The fault run: its own redis-server (append-only, fsync always), a Webcare process and a signed client that
 * pushes mentions and retries as a relay would; Webcare is killed with SIGKILL a third of the way and Redis
 * restarted two thirds of the way. Then it counts what arrived: pushed, accepted, stored, lost, duplicate cases,
 * dead letters, and how long each recovery took.
 */
public final class ChaosRun {
  private static final String SECRET = "chaos-relay-secret-0123456789";
  private static final String PREFIX = "chaos:";
  private static final Duration GIVE_UP = Duration.ofMinutes(5);

  private final Path jar;
  private final Path work;
  private final int redisPort;
  private final int httpPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process redis;
  private Process webcare;

  private ChaosRun(Path jar) throws IOException {
    this.jar = jar;
    this.work = Files.createTempDirectory("webcare-chaos");
    this.redisPort = freePort();
    this.httpPort = freePort();
  }

  /** Runs it with {@code mentions} pushes, Webcare started from {@code jar}; the figures as JSON. */
  public static JsonObject run(int mentions, Path jar) throws Exception {
    ChaosRun run = new ChaosRun(jar);
    try {
      return run.go(mentions);
    } finally {
      run.stopAll();
    }
  }

  private JsonObject go(int mentions) throws Exception {
    Path connectors = Files.createDirectories(work.resolve("connectors"));
    Files.writeString(connectors.resolve("chaos-relay.yaml"), "name: chaos-relay\ntype: push\nbrand: chaos\n"
        + "channel: form\nlanguage: en\nsecretEnv: CHAOS_SECRET\nratePerMinute: 100000\nmaxBodyBytes: 8192\n");
    startRedis();
    startWebcare(connectors);
    long pushed = 0;
    double webcareRecovery = 0;
    double redisRecovery = 0;
    for (int i = 0; i < mentions; i++) {
      if (i == mentions / 3) {
        webcare.destroyForcibly().waitFor();
        long killed = System.nanoTime();
        startWebcare(connectors);
        pushed += push(i);
        webcareRecovery = (System.nanoTime() - killed) / 1e9;
        continue;
      }
      if (i == 2 * mentions / 3) {
        long stopped = System.nanoTime();
        restartRedis();
        pushed += push(i);
        redisRecovery = (System.nanoTime() - stopped) / 1e9;
        continue;
      }
      pushed += push(i);
    }
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    try (RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort)) {
      while (client.zcard(PREFIX + "mentions:idx:all") + client.xlen(PREFIX + "mentions:dead") < mentions
          && System.nanoTime() < deadline) {
        Thread.sleep(500);
      }
      long stored = client.zcard(PREFIX + "mentions:idx:all");
      return new JsonObject().put("pushed", pushed).put("accepted", mentions).put("stored", stored)
          .put("lost", mentions - stored - client.xlen(PREFIX + "mentions:dead"))
          .put("duplicate_cases", duplicateCases(client)).put("dead_letters", client.xlen(PREFIX + "mentions:dead"))
          .put("recovery_seconds", new JsonObject().put("webcare_killed", round(webcareRecovery))
              .put("redis_restarted", round(redisRecovery)));
    }
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

  private static long duplicateCases(RedisClient client) {
    Set<String> mentions = new HashSet<>();
    long cases = 0;
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      var page = client.scan(cursor, new ScanParams().match(PREFIX + "case:WC-*").count(1000));
      for (String key : page.getResult()) {
        if (key.chars().filter(c -> c == ':').count() == 2) {
          cases++;
          mentions.add(client.hget(key, "mentionId"));
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return cases - mentions.size();
  }

  private void startRedis() throws IOException, InterruptedException {
    redis = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
        "--dir", work.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "")
        .redirectOutput(work.resolve("redis.log").toFile()).redirectErrorStream(true).start();
    waitFor("Redis", () -> {
      try (RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort)) {
        return "PONG".equals(client.ping());
      }
    });
  }

  /** A clean restart: SHUTDOWN writes the append-only file, the new server reads it. */
  private void restartRedis() throws IOException, InterruptedException {
    try (RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort)) {
      client.sendCommand(Protocol.Command.SHUTDOWN);
    } catch (RuntimeException closedByShutdown) {
      // the server closes the connection as it goes
    }
    redis.waitFor();
    startRedis();
  }

  private void startWebcare(Path connectors) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1536m", "-jar", jar.toString())
        .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("webcare.log").toFile())).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
    env.put("WEBCARE_REDIS_KEY_PREFIX", PREFIX);
    env.put("WEBCARE_HTTP_PORT", Integer.toString(httpPort));
    env.put("WEBCARE_CONNECTORS_DIR", connectors.toString());
    env.put("WEBCARE_ADMIN_KEY", "chaos-admin-key-0123456789abcdef");
    env.put("CHAOS_SECRET", SECRET);
    webcare = builder.start();
    waitFor("Webcare", () -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
        + "/health/ready")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode() == 200);
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(String what, Check check) throws InterruptedException {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (Exception notYet) {
        // not up yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(what + " did not come up within " + GIVE_UP.toMinutes() + " minutes");
  }

  private void stopAll() {
    if (webcare != null) {
      webcare.destroyForcibly();
    }
    if (redis != null) {
      redis.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static double round(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }
}
