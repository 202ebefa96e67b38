package nl.webcare.inbox;

import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import nl.webcare.store.PageCursor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * The scorers' side of the mention stream: the consumer group {@code scorers}, reading new messages,
 * taking over messages that a crashed consumer left pending, acknowledging, and the dead-letter
 * stream for messages that failed too often. Every method fails its future when Redis cannot be
 * reached; a message is then simply read or claimed again later.
 */
public final class RedisScoringQueue implements ScoringQueue {
  /** Dead letters kept at most; they are for people to look at, not a second inbox. */
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RedisScoringQueue.class);
  /** How often a full dead-letter stream is reported at most. */
  private static final long FULL_REPORT_EVERY_MS = 3_600_000;

  private final RedisGateway redis;
  private final RedisKeys keys;

  private final long deadLetterMax;
  private volatile long fullReportedAt;

  public RedisScoringQueue(RedisGateway redis) {
    this(redis, 10_000);
  }

  /** {@code deadLetterMax}: dead letters kept at most; beyond it the oldest go, and the log says so. */
  public RedisScoringQueue(RedisGateway redis, long deadLetterMax) {
    this.redis = redis;
    this.keys = redis.keys();
    this.deadLetterMax = deadLetterMax;
  }


  @Override
  public Future<Void> ensureGroup() {
    return redis.call(jedis -> {
      try {
        jedis.xgroupCreate(keys.mentionStream(), RedisKeys.SCORER_GROUP, new StreamEntryID(0, 0), true);
      } catch (JedisDataException e) {
        if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
          throw e;
        }
      }
      return null;
    });
  }

  @Override
  public Future<List<Message>> readNew(String consumer, int count) {
    return redis.call(jedis -> messages(jedis.xreadGroup(RedisKeys.SCORER_GROUP, consumer,
        XReadGroupParams.xReadGroupParams().count(count),
        Map.of(keys.mentionStream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY))));
  }

  /**
   * {@code XREADGROUP ... BLOCK} on a connection and thread of the consumer's own (a blocking lane of the gateway): a
   * pushed mention is read the moment it is added, instead of at the next look of a reader that sleeps between looks.
   */
  @Override
  public Future<List<Message>> readNew(String consumer, int count, Duration block) {
    int blockMillis = (int) Math.max(1, block.toMillis());
    return redis.callBlocking("scorer-" + consumer, blockMillis, keys.mentionStream(), jedis -> messages(jedis.xreadGroup(
        RedisKeys.SCORER_GROUP, consumer, XReadGroupParams.xReadGroupParams().count(count).block(blockMillis),
        Map.of(keys.mentionStream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY))));
  }

  private static List<Message> messages(List<Map.Entry<String, List<StreamEntry>>> streams) {
    List<Message> messages = new ArrayList<>();
    if (streams != null) {
      for (var stream : streams) {
        for (StreamEntry entry : stream.getValue()) {
          messages.add(new Message(entry.getID().toString(), entry.getFields(), 1));
        }
      }
    }
    return messages;
  }

  @Override
  public Future<List<Message>> claimStale(String consumer, Duration minIdle, int count) {
    return claimStale(consumer, minIdle, count, "0-0").map(Claimed::messages);
  }

  @Override
  public Future<Claimed> claimStale(String consumer, Duration minIdle, int count, String from) {
    return redis.call(jedis -> {
      var claimed = jedis.xautoclaim(keys.mentionStream(), RedisKeys.SCORER_GROUP, consumer, minIdle.toMillis(),
          new StreamEntryID(from), XAutoClaimParams.xAutoClaimParams().count(count));
      StreamEntryID cursor = claimed.getKey();
      String next = cursor == null || cursor.equals(new StreamEntryID(0, 0)) ? null : cursor.toString();
      List<StreamEntry> entries = new ArrayList<>();
      for (StreamEntry entry : claimed.getValue()) {
        if (entry != null && entry.getFields() != null) {
          entries.add(entry);
        }
      }
      if (entries.isEmpty()) {
        return new Claimed(List.of(), next);
      }
      Map<String, Long> deliveries = new HashMap<>();
      List<StreamPendingEntry> pending = jedis.xpending(keys.mentionStream(), RedisKeys.SCORER_GROUP,
          XPendingParams.xPendingParams(entries.get(0).getID(), entries.get(entries.size() - 1).getID(), entries.size())
              .consumer(consumer));
      for (StreamPendingEntry p : pending) {
        deliveries.put(p.getID().toString(), p.getDeliveredTimes());
      }
      List<String> attempts = jedis.hmget(keys.scoringAttempts(),
          entries.stream().map(e -> e.getID().toString()).toArray(String[]::new));
      List<Message> messages = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        StreamEntry entry = entries.get(i);
        String id = entry.getID().toString();
        long tried = attempts.get(i) == null ? 0 : Long.parseLong(attempts.get(i));
        messages.add(new Message(id, entry.getFields(), deliveries.getOrDefault(id, 1L), tried));
      }
      return new Claimed(messages, next);
    });
  }

  @Override
  public Future<Integer> removeIdleConsumers(String self, Duration idle) {
    return redis.call(jedis -> {
      int removed = 0;
      for (var consumer : jedis.xinfoConsumers2(keys.mentionStream(), RedisKeys.SCORER_GROUP)) {
        if (!consumer.getName().equals(self) && consumer.getPending() == 0 && consumer.getIdle() > idle.toMillis()) {
          jedis.xgroupDelConsumer(keys.mentionStream(), RedisKeys.SCORER_GROUP, consumer.getName());
          removed++;
        }
      }
      return removed;
    });
  }

  @Override
  public Future<Void> leave(String consumer) {
    return redis.call(jedis -> {
      var summary = jedis.xpending(keys.mentionStream(), RedisKeys.SCORER_GROUP);
      Long mine = summary.getConsumerMessageCount() == null ? null : summary.getConsumerMessageCount().get(consumer);
      if (mine == null || mine == 0) {
        jedis.xgroupDelConsumer(keys.mentionStream(), RedisKeys.SCORER_GROUP, consumer);
      }
      return null;
    });
  }

  @Override
  public Future<Void> ack(String messageId) {
    return redis.call(jedis -> {
      try (var tx = redis.multi(jedis, keys.mentionStream())) {
        tx.xack(keys.mentionStream(), RedisKeys.SCORER_GROUP, new StreamEntryID(messageId));
        tx.hdel(keys.scoringErrors(), messageId);
        tx.hdel(keys.scoringAttempts(), messageId);
        tx.exec();
      }
      return null;
    });
  }

  @Override
  public Future<Void> recordError(String messageId, String error) {
    return redis.call(jedis -> {
      try (var tx = redis.multi(jedis, keys.mentionStream())) {
        tx.hset(keys.scoringErrors(), messageId, error);
        tx.hincrBy(keys.scoringAttempts(), messageId, 1);
        tx.exec();
      }
      return null;
    });
  }

  @Override
  public Future<Void> deadLetter(Message message, String reason) {
    return redis.call(jedis -> {
      String lastError = jedis.hget(keys.scoringErrors(), message.id());
      Map<String, String> fields = new LinkedHashMap<>(message.fields());
      fields.put("deadLetter.messageId", message.id());
      fields.put("deadLetter.deliveries", Long.toString(message.deliveries()));
      fields.put("deadLetter.attempts", Long.toString(message.attempts()));
      fields.put("deadLetter.reason", reason);
      fields.put("deadLetter.lastError", lastError == null ? "" : lastError);
      fields.put("deadLetter.at", Long.toString(System.currentTimeMillis()));
      try (var tx = redis.multi(jedis, keys.mentionStream())) {
        tx.xadd(keys.deadLetterStream(), XAddParams.xAddParams().maxLen(deadLetterMax).approximateTrimming(), fields);
        tx.xack(keys.mentionStream(), RedisKeys.SCORER_GROUP, new StreamEntryID(message.id()));
        tx.hdel(keys.scoringErrors(), message.id());
        tx.hdel(keys.scoringAttempts(), message.id());
        tx.exec();
      }
      reportWhenFull(jedis.xlen(keys.deadLetterStream()));
      return null;
    });
  }

  private void reportWhenFull(long length) {
    long now = System.currentTimeMillis();
    if (length >= deadLetterMax && now - fullReportedAt > FULL_REPORT_EVERY_MS) {
      fullReportedAt = now;
      LOG.warn("the dead-letter stream holds {} messages, its cap (scoring.deadLetterMax): the oldest are dropped; "
          + "look at GET /api/v1/dead-letters and requeue or mend", length);
    }
  }

  @Override
  public Future<Boolean> requeue(String deadLetterId) {
    StreamEntryID id;
    try {
      id = new StreamEntryID(deadLetterId);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(false);
    }
    return redis.call(jedis -> {
      List<StreamEntry> found = jedis.xrange(keys.deadLetterStream(), id, id, 1);
      return !found.isEmpty() && requeue(jedis, found.get(0));
    });
  }

  @Override
  public Future<Integer> requeueAll() {
    return redis.call(jedis -> {
      int moved = 0;
      List<StreamEntry> page;
      do {
        page = jedis.xrange(keys.deadLetterStream(), (StreamEntryID) null, (StreamEntryID) null, 500);
        for (StreamEntry entry : page) {
          moved += requeue(jedis, entry) ? 1 : 0;
        }
      } while (!page.isEmpty());
      return moved;
    });
  }

  /** The original fields back into the inbox and the dead letter gone, in one transaction. */
  private boolean requeue(redis.clients.jedis.UnifiedJedis jedis, StreamEntry entry) {
    Map<String, String> original = new LinkedHashMap<>(entry.getFields());
    original.keySet().removeIf(key -> key.startsWith("deadLetter."));
    try (var tx = redis.multi(jedis, keys.mentionStream())) {
      tx.xadd(keys.mentionStream(), XAddParams.xAddParams(), original);
      tx.xdel(keys.deadLetterStream(), entry.getID());
      tx.exec();
    }
    return true;
  }

  @Override
  public Future<List<Message>> deadLetters(int count) {
    return deadLetters(count, null).map(DeadLetters::messages);
  }


  @Override
  public Future<DeadLetters> deadLetters(int count, PageCursor after) {
    // a stream id is "ms-seq": the cursor holds the milliseconds as its score and the sequence as its member
    String end = after == null ? "+" : "(" + after.score() + "-" + after.member();
    return redis.call(jedis -> {
      List<Message> messages = new ArrayList<>();
      List<StreamEntry> entries = jedis.xrevrange(keys.deadLetterStream(), end, "-", count + 1);
      for (StreamEntry entry : entries.subList(0, Math.min(count, entries.size()))) {
        messages.add(new Message(entry.getID().toString(), entry.getFields(),
            Long.parseLong(entry.getFields().getOrDefault("deadLetter.deliveries", "0"))));
      }
      PageCursor next = entries.size() > count ? cursorOf(entries.get(count - 1).getID()) : null;
      return new DeadLetters(messages, next);
    });
  }

  private static PageCursor cursorOf(redis.clients.jedis.StreamEntryID id) {
    return new PageCursor(id.getTime(), Long.toString(id.getSequence()));
  }
}
