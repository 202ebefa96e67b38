package nl.webcare.store;

import static org.assertj.core.api.Assertions.assertThat;

import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The embedded server writes its append-only file as configured. */
class EmbeddedRedisDurabilityTest {

  @Test
  void appendfsyncIsTheConfiguredChoice() {
    for (String choice : new String[] {"always", "everysec"}) {
      try (EmbeddedRedisServer server = EmbeddedRedisServer.start(TestRedis.tempDir(), choice);
          RedisClient client = RedisClient.create(server.url())) {
        assertThat(client.configGet("appendfsync")).containsEntry("appendfsync", choice);
        assertThat(client.configGet("appendonly")).containsEntry("appendonly", "yes");
      }
    }
  }
}
