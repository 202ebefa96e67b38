package nl.webcare.analytics.spikes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nl.webcare.support.Await;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * A spike's cases are linked once: linking again gives only the new ones, and cases unlinked (their tagging failed)
 * are given again by the next link, so the watcher tags them then.
 */
class SpikeLinksTest {
  private final RedisFixture fixture = new RedisFixture();
  private final RedisSpikes spikes = new RedisSpikes(fixture.redis, 1000, Duration.ofDays(1));

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void linkedCasesAreNewOnceAndAgainAfterAnUnlink() {
    try (UnifiedJedis client = TestRedis.client()) {
      client.set(fixture.redis.keys().caseByMention("m1"), "WC-A");
      client.set(fixture.redis.keys().caseByMention("m2"), "WC-B");
    }
    assertThat(Await.result(spikes.link("s1", List.of("m1", "m2", "m3")))).containsExactlyInAnyOrder("WC-A", "WC-B");
    assertThat(Await.result(spikes.link("s1", List.of("m1", "m2")))).isEmpty();
    // WHEN tagging WC-B failed and it was unlinked
    Await.result(spikes.unlink("s1", List.of("WC-B")));
    // THEN the next round links (and so tags) it again, and only it
    assertThat(Await.result(spikes.link("s1", List.of("m1", "m2")))).containsExactly("WC-B");
  }
}
