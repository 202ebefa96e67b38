package nl.webcare.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.webcare.support.Await;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/** A store written with the key names of before the hash tags is renamed to the tagged names once, losing nothing. */
class KeyTagMigrationTest {
  private final RedisFixture fixture = new RedisFixture();

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void everyKeyOfBeforeGetsItsTaggedNameAndKeysUsedAloneKeepTheirs() {
    RedisKeys keys = new RedisKeys("webcare:");
    Map<String, String> expected = Map.ofEntries(
        Map.entry("webcare:mentions", keys.mentionStream()),
        Map.entry("webcare:mentions:dead", keys.deadLetterStream()),
        Map.entry("webcare:seen:abc", keys.seen("abc")),
        Map.entry("webcare:mentions:idx:label:negative", keys.mentionsByLabel("negative")),
        Map.entry("webcare:author:x:jan:mentions", keys.authorMentions("x:jan")),
        Map.entry("webcare:author:x:jan:cases", keys.authorCases("x:jan")),
        Map.entry("webcare:handle:jan:channels", keys.handleChannels("jan")),
        Map.entry("webcare:counts:acme:day:2026-12-01:phrases:negative",
            keys.phrasesOfDay("acme", "2026-12-01", "negative")),
        Map.entry("webcare:counts:acme:negrecent", keys.recentNegatives("acme")),
        Map.entry("webcare:mention:abc:label:needs-reply", keys.teamLabel("abc", "needs-reply")),
        Map.entry("webcare:labels:counts", keys.teamLabelCounts()),
        Map.entry("webcare:model:v1", keys.model("v1")),
        Map.entry("webcare:apikey:ff", keys.apiKey("ff")),
        Map.entry("webcare:case:WC-1:history", keys.caseHistory("WC-1")),
        Map.entry("webcare:cases:state:new", keys.casesInState("new")),
        Map.entry("webcare:subscription:s1:cursor", keys.subscriptionCursor("s1")),
        Map.entry("webcare:spike:p1:cases", keys.spikeCases("p1")),
        Map.entry("webcare:alerts", keys.alertStream()));
    expected.forEach((old, now) -> assertThat(KeyTagMigration.tagged(keys, old)).as(old).isEqualTo(now));
    for (String alone : List.of("webcare:mention:abc", "webcare:session:ff", "webcare:connector:x:cursor",
        "webcare:models:lease:g", "webcare:spikes:brands", keys.caseHash("WC-1"), "other:case:WC-1")) {
      assertThat(KeyTagMigration.tagged(keys, alone)).as(alone).isNull();
    }
  }

  @Test
  void aStoreOfBeforeIsRenamedOnceWithItsStreamGroupAndData() {
    // (a store of before can only be on one node: on a cluster the migration only sets its marker)
    org.junit.jupiter.api.Assumptions.assumeFalse(fixture.redis.clustered(), "a store of before is on one node");
    String p = fixture.prefix;
    RedisKeys keys = fixture.redis.keys();
    try (UnifiedJedis client = TestRedis.client()) {
      // GIVEN a case, its index and the mention stream with a consumer group, under the names of before
      client.hset(p + "case:WC-OLD01", Map.of("state", "new", "priority", "5"));
      client.zadd(p + "cases:active", 5, "WC-OLD01");
      StreamEntryID entry = client.xadd(p + "mentions", StreamEntryID.NEW_ENTRY, Map.of("id", "m1"));
      client.xgroupCreate(p + "mentions", RedisKeys.SCORER_GROUP, new StreamEntryID(0, 0), false);
      client.sadd(p + "mentions:indexes", p + "mentions:idx:all");
      client.set(p + "mention:m1", "{}");

      // WHEN Webcare starts on it (twice)
      assertThat(Await.result(new KeyTagMigration(fixture.redis).run())).isEqualTo(3);
      assertThat(Await.result(new KeyTagMigration(fixture.redis).run())).isZero();

      // THEN the data is under the tagged names, the stream keeps its group, the registry is left to be rebuilt
      assertThat(client.hget(keys.caseHash("WC-OLD01"), "state")).isEqualTo("new");
      assertThat(client.zscore(keys.activeCases(), "WC-OLD01")).isEqualTo(5.0);
      assertThat(client.xrange(keys.mentionStream(), (StreamEntryID) null, null)).extracting(e -> e.getID())
          .containsExactly(entry);
      assertThat(client.xinfoGroups(keys.mentionStream())).hasSize(1);
      assertThat(client.exists(p + "case:WC-OLD01")).isFalse();
      assertThat(client.exists(p + "mentions:indexes")).isFalse();
      assertThat(client.get(keys.mention("m1"))).isEqualTo("{}");
    }
  }
}
