package nl.webcare.api;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionCodec;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.support.PushedComplaints;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

/** Dead letters go back into the inbox on request, one or all, and are scored as if new. */
class DeadLetterRequeueTest {
  private static PushedComplaints pushed;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    pushed = new PushedComplaints();
    admin = pushed.api;
  }

  @AfterAll
  static void stop() {
    pushed.close();
  }

  @Test
  void oneAndThenAllDeadLettersAreRequeuedAndScored() {
    // GIVEN three mentions that were dead-lettered while the scorer had a bug
    Mention first = Mentions.mention("forum", "dl-1", "My parcel never came, terrible service");
    String firstId = deadLetter(first);
    deadLetter(Mentions.mention("forum", "dl-2", "Still no refund, awful"));
    deadLetter(Mentions.mention("forum", "dl-3", "Nobody answers the phone, horrible"));
    // WHEN an admin requeues one THEN it is scored and stored, and the others wait
    assertThat(admin.post("/api/v1/dead-letters/" + firstId + "/requeue", "{}").status()).isEqualTo(200);
    Await.until("the requeued mention is stored", Duration.ofSeconds(30),
        () -> admin.get("/api/v1/mentions/" + first.id()).status() == 200);
    assertThat(admin.get("/api/v1/dead-letters").json().getJsonArray("items")).hasSize(2);
    // WHEN all are requeued THEN none is left
    assertThat(admin.post("/api/v1/dead-letters/requeue", "{}").json().getInteger("requeued")).isEqualTo(2);
    assertThat(admin.get("/api/v1/dead-letters").json().getJsonArray("items")).isEmpty();
    // AND an unknown one, or a key that is no admin's, is refused
    assertThat(admin.post("/api/v1/dead-letters/99-0/requeue", "{}").status()).isEqualTo(404);
    ApiClient lead = admin.withKey(admin.newKey("lea", "lead"));
    assertThat(lead.post("/api/v1/dead-letters/requeue", "{}").status()).isEqualTo(403);
  }

  private static String deadLetter(Mention mention) {
    Map<String, String> fields = new LinkedHashMap<>(MentionCodec.mentionFields(mention));
    fields.put("deadLetter.reason", "failed 5 times");
    fields.put("deadLetter.deliveries", "6");
    try (UnifiedJedis client = TestRedis.client()) {
      return client.xadd(new RedisKeys(pushed.running.prefix).deadLetterStream(), StreamEntryID.NEW_ENTRY, fields).toString();
    }
  }
}
