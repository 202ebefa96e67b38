package nl.webcare.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import nl.webcare.store.EmbeddedRedisServer;
import nl.webcare.store.RedisKeys;
import nl.webcare.store.RedisUrl;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.RedisClient;

/**
 * The real Redis the tests store in: {@code REDIS_URL} when set, else the machine's server on
 * 127.0.0.1:6379 when it answers, else one embedded server for the whole test run. Each test takes
 * its own key prefix and deletes its keys afterwards.
 */
public final class TestRedis {
  private static String url;

  private TestRedis() {}

  public static synchronized String url() {
    if (url == null) {
      url = find();
    }
    return url;
  }

  public static String newPrefix() {
    return "webcare-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  /** Deletes every key under the prefix. */
  public static void cleanup(String prefix) {
    try (UnifiedJedis redis = client()) {
      RedisKeys.deleteUnderPrefix(redis, prefix);
    }
  }

  /**
   * A direct client for assertions; close it after use. For {@code REDIS_URL=redis-cluster://...} (the whole suite
   * run on a cluster) Jedis' cluster client.
   */
  public static UnifiedJedis client() {
    RedisUrl where = RedisUrl.parse(url());
    if (where.cluster()) {
      return redis.clients.jedis.RedisClusterClient.create(new java.util.HashSet<>(where.hosts()));
    }
    return RedisClient.create(url());
  }

  private static String find() {
    String fromEnvironment = System.getenv("REDIS_URL");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    String local = "redis://127.0.0.1:6379";
    try (RedisClient redis = RedisClient.create(local)) {
      redis.ping();
      return local;
    } catch (RuntimeException e) {
      try {
        EmbeddedRedisServer server = EmbeddedRedisServer.start(Files.createTempDirectory("webcare-test-redis"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server.url();
      } catch (java.io.IOException io) {
        throw new IllegalStateException("no Redis for the tests", io);
      }
    }
  }

  public static Path tempDir() {
    try {
      return Files.createTempDirectory("webcare-test");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
