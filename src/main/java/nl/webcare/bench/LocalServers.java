package nl.webcare.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * A redis-server and Webcare processes of a run's own, on free loopback ports, in a work folder that keeps their
 * logs: what the fault run and the latency run start, kill and start again. Everything still running is killed at
 * {@link #close}.
 */
public final class LocalServers implements AutoCloseable {
  private static final Duration GIVE_UP = Duration.ofMinutes(5);
  private final Path work;
  private final int redisPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Process> webcares = new ArrayList<>();
  private Process redis;

  public LocalServers(String name) throws IOException {
    this.work = Files.createTempDirectory(name);
    this.redisPort = freePort();
  }

  public Path work() {
    return work;
  }

  public String redisUrl() {
    return "redis://127.0.0.1:" + redisPort;
  }

  public RedisClient redisClient() {
    return RedisClient.create(redisUrl());
  }

  /** Starts redis-server; {@code appendOnly}: every write synced to its append-only file (it survives a kill). */
  public void startRedis(boolean appendOnly) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(redisPort), "--bind",
        "127.0.0.1", "--dir", work.toString(), "--save", ""));
    command.addAll(appendOnly ? List.of("--appendonly", "yes", "--appendfsync", "always") : List.of("--appendonly", "no"));
    redis = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("redis.log").toFile()))
        .redirectErrorStream(true).start();
    waitFor("Redis", () -> {
      try (RedisClient client = redisClient()) {
        return "PONG".equals(client.ping());
      }
    });
  }

  /** SIGKILL to redis-server; returns once it is gone. */
  public void killRedis() throws InterruptedException {
    redis.destroyForcibly().waitFor();
  }

  /** SHUTDOWN, as an operator restarting it would; returns once it is gone. */
  public void shutdownRedis() throws InterruptedException {
    try (RedisClient client = redisClient()) {
      client.sendCommand(Protocol.Command.SHUTDOWN);
    } catch (RuntimeException closedByShutdown) {
      // the server closes the connection as it goes
    }
    redis.waitFor();
  }

  /**
   * Starts {@code java -Xmx1536m -jar jar} with this Redis and the given environment on {@code httpPort}, and waits
   * until it is ready; its output goes to {@code webcare-<httpPort>.log} in the work folder.
   */
  public Process startWebcare(Path jar, int httpPort, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1536m", "-jar", jar.toString())
        .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("webcare-" + httpPort + ".log").toFile()))
        .redirectErrorStream(true);
    builder.environment().put("REDIS_URL", redisUrl());
    builder.environment().put("WEBCARE_HTTP_PORT", Integer.toString(httpPort));
    builder.environment().putAll(environment);
    Process webcare = builder.start();
    webcares.add(webcare);
    waitFor("Webcare", () -> {
      if (!webcare.isAlive()) {
        throw new IllegalStateException("Webcare exited with " + webcare.exitValue() + "; its log is in " + work);
      }
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    });
    return webcare;
  }

  interface Check {
    boolean ok() throws Exception;
  }

  /** Tries {@code check} every 200 ms until it holds; an IllegalStateException from it ends the wait at once. */
  static void waitFor(String what, Check check) throws InterruptedException {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (check.ok()) {
          return;
        }
      } catch (IllegalStateException gone) {
        throw gone;
      } catch (Exception notYet) {
        // not up yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(what + " did not come up within " + GIVE_UP.toMinutes() + " minutes");
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    webcares.forEach(Process::destroyForcibly);
    if (redis != null) {
      redis.destroyForcibly();
    }
  }
}
