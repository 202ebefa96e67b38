package nl.webcare.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server process (the binary shipped in the embedded-redis artifact) for running
 * Webcare on a machine without Redis. It binds to loopback on a free port and keeps an append-only
 * file under the data directory, so a restart of Webcare finds its worklist again.
 */
public final class EmbeddedRedisServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);

  private final RedisServer server;
  private final int port;

  private EmbeddedRedisServer(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts the server; blocking, call it from a worker or before Vert.x starts. */
  public static EmbeddedRedisServer start(Path dataDir) {
    return start(dataDir, "everysec");
  }

  /** Starts the server on a free port with that durability (see {@link #start(Path, int, String)}). */
  public static EmbeddedRedisServer start(Path dataDir, String appendfsync) {
    try {
      return start(dataDir, freePort(), appendfsync);
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the embedded Redis server", e);
    }
  }

  /** Starts the server on a given port (tests restart it on the same port). */
  public static EmbeddedRedisServer start(Path dataDir, int port) {
    return start(dataDir, port, "everysec");
  }

  /**
   * Starts the server on a port, writing its append-only file with {@code appendfsync}: {@code everysec} (a crash of
   * the machine may lose the last second of writes) or {@code always} (no acknowledged write is lost, each write
   * waits for the disk).
   */
  public static EmbeddedRedisServer start(Path dataDir, int port, String appendfsync) {
    try {
      Files.createDirectories(dataDir);
      RedisServer server = RedisServer.newRedisServer()
          .bind("127.0.0.1")
          .port(port)
          .setting("dir " + dataDir.toAbsolutePath())
          .setting("appendonly yes")
          .setting("appendfsync " + appendfsync)
          .setting("save \"\"")
          .setting("protected-mode yes")
          .onShutdownForceStop(true)
          .build();
      server.start();
      LOG.info("Redis: embedded server on 127.0.0.1:{}, append-only file in {} (appendfsync {})", port,
          dataDir.toAbsolutePath(), appendfsync);
      return new EmbeddedRedisServer(server, port);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded Redis server in " + dataDir, e);
    }
  }

  /**
   * How to start a redis-server of one's own (the fault run, the benchmarks, the failover tests): {@code redis-server}
   * when it is on the PATH, else the binary shipped in the embedded-redis artifact (Redis 6.2), unpacked once.
   */
  public static synchronized String serverCommand() {
    if (serverCommand == null) {
      serverCommand = onPath("redis-server") ? "redis-server" : shippedBinary();
    }
    return serverCommand;
  }

  private static String serverCommand;

  /** True when {@code program} is an executable file in a folder of the PATH. */
  public static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static String shippedBinary() {
    try {
      java.io.File binary = redis.embedded.core.ExecutableProvider.newJarResourceProvider().get();
      binary.setExecutable(true);
      return binary.getAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("no redis-server on the PATH, and the shipped one could not be unpacked", e);
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (IOException e) {
      LOG.warn("embedded Redis did not stop cleanly: {}", e.getMessage());
    }
  }
}
