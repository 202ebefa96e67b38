package nl.webcare.bench;

import nl.webcare.store.EmbeddedRedisServer;
import java.io.IOException;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
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
  private final List<Process> clusterNodes = new ArrayList<>();
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
    List<String> command = new ArrayList<>(List.of(EmbeddedRedisServer.serverCommand(), "--port", Integer.toString(redisPort), "--bind",
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

  /** True when this machine can make a cluster: {@code redis-cli} (Debian's redis-tools) is on the PATH. */
  public static boolean canStartCluster() {
    return EmbeddedRedisServer.onPath("redis-cli");
  }

  /**
   * Starts a Redis Cluster of {@code masters} masters with {@code replicas} replicas each (redis-server processes with
   * cluster-enabled, joined by {@code redis-cli --cluster create}) and waits until every node sees it whole. Returns
   * the nodes' ports, masters first as redis-cli assigns them; {@code redis-cluster://127.0.0.1:<port>} names it.
   */
  public List<Integer> startCluster(int masters, int replicas) throws IOException, InterruptedException {
    List<Integer> ports = new ArrayList<>();
    while (ports.size() < masters * (1 + replicas)) {
      int port = freePort();
      if (port + 10_000 <= 65_535 && !ports.contains(port) && free(port + 10_000)) { // the cluster bus port
        ports.add(port);
      }
    }
    for (int port : ports) {
      Path dir = Files.createDirectories(work.resolve("cluster-" + port));
      clusterNodes.add(new ProcessBuilder(EmbeddedRedisServer.serverCommand(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--dir", dir.toString(), "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
          "--cluster-node-timeout", "3000", "--save", "", "--appendonly", "no")
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
          .redirectErrorStream(true).start());
    }
    for (int port : ports) {
      waitFor("cluster node " + port, () -> {
        try (Jedis node = new Jedis("127.0.0.1", port)) {
          return "PONG".equals(node.ping());
        }
      });
    }
    List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    ports.forEach(p -> create.add("127.0.0.1:" + p));
    create.addAll(List.of("--cluster-replicas", Integer.toString(replicas), "--cluster-yes"));
    Path log = work.resolve("cluster-create.log");
    Process joining = new ProcessBuilder(create).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!joining.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) || joining.exitValue() != 0) {
      throw new IllegalStateException("redis-cli --cluster create failed: " + Files.readString(log));
    }
    // whole: every node serves all slots and sees every master with its slots and every replica following one (a
    // replica shows as an empty master until word of its CLUSTER REPLICATE has gone round)
    for (int port : ports) {
      waitFor("cluster seen whole by " + port, () -> {
        List<ClusterNode> nodes = clusterNodes(port);
        long servingMasters = nodes.stream().filter(n -> n.master() && !n.slots().isEmpty()).count();
        long following = nodes.stream().filter(n -> n.masterId() != null).count();
        try (Jedis node = new Jedis("127.0.0.1", port)) {
          return node.clusterInfo().contains("cluster_state:ok") && servingMasters == masters
              && following == (long) masters * replicas;
        }
      });
    }
    return ports;
  }

  /**
   * One line of CLUSTER NODES: the node's id and address, whether it is a master (and not failed), the master it
   * follows (null for a master), and the slot ranges it serves ({@code from, to} pairs).
   */
  public record ClusterNode(String id, HostAndPort address, boolean master, String masterId,
      List<int[]> slots) {
    public boolean serves(int slot) {
      return slots.stream().anyMatch(r -> slot >= r[0] && slot <= r[1]);
    }
  }

  /** The cluster as the node on {@code port} sees it now. */
  public static List<ClusterNode> clusterNodes(int port) {
    try (Jedis node = new Jedis("127.0.0.1", port)) {
      List<ClusterNode> nodes = new ArrayList<>();
      for (String line : node.clusterNodes().lines().filter(l -> !l.isBlank()).toList()) {
        String[] f = line.split(" ");
        List<int[]> slots = new ArrayList<>();
        for (int i = 8; i < f.length; i++) {
          if (f[i].startsWith("[")) {
            continue; // a slot being moved
          }
          String[] range = f[i].split("-");
          int from = Integer.parseInt(range[0]);
          slots.add(new int[] {from, range.length > 1 ? Integer.parseInt(range[1]) : from});
        }
        nodes.add(new ClusterNode(f[0], HostAndPort.from(f[1].substring(0, f[1].indexOf('@'))),
            f[2].contains("master") && !f[2].contains("fail"), f[3].equals("-") ? null : f[3], slots));
      }
      return nodes;
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException taken) {
      return false;
    }
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
    clusterNodes.forEach(Process::destroyForcibly);
    if (redis != null) {
      redis.destroyForcibly();
    }
  }
}
