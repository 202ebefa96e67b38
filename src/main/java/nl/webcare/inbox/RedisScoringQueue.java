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
  private static final long DEAD_LETTER_MAX = 10_000;

  private final RedisGateway redis;
  private final RedisKeys keys;

  public RedisScoringQueue(RedisGateway redis) {
    this.redis = redis;
    this.keys = redis.keys();
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
    return redis.call(jedis -> {
      var streams = jedis.xreadGroup(RedisKeys.SCORER_GROUP, consumer, XReadGroupParams.xReadGroupParams().count(count),
          Map.of(keys.mentionStream(), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
      List<Message> messages = new ArrayList<>();
      if (streams != null) {
        for (var stream : streams) {
          for (StreamEntry entry : stream.getValue()) {
            messages.add(new Message(entry.getID().toString(), entry.getFields(), 1));
          }
        }
      }
      return messages;
    });
  }

  @Override
  public Future<List<Message>> claimStale(String consumer, Duration minIdle, int count) {
    return redis.call(jedis -> {
      var claimed = jedis.xautoclaim(keys.mentionStream(), RedisKeys.SCORER_GROUP, consumer, minIdle.toMillis(),
          new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(count));
      List<StreamEntry> entries = new ArrayList<>();
      for (StreamEntry entry : claimed.getValue()) {
        if (entry != null && entry.getFields() != null) {
          entries.add(entry);
        }
      }
      if (entries.isEmpty()) {
        return List.<Message>of();
      }
      Map<String, Long> deliveries = new HashMap<>();
      List<StreamPendingEntry> pending = jedis.xpending(keys.mentionStream(), RedisKeys.SCORER_GROUP,
          XPendingParams.xPendingParams(entries.get(0).getID(), entries.get(entries.size() - 1).getID(), entries.size())
              .consumer(consumer));
      for (StreamPendingEntry p : pending) {
        deliveries.put(p.getID().toString(), p.getDeliveredTimes());
      }
      List<Message> messages = new ArrayList<>();
      for (StreamEntry entry : entries) {
        String id = entry.getID().toString();
        messages.add(new Message(id, entry.getFields(), deliveries.getOrDefault(id, 1L)));
      }
      return messages;
    });
  }

  @Override
  public Future<Void> ack(String messageId) {
    return redis.call(jedis -> {
      try (var tx = jedis.multi()) {
        tx.xack(keys.mentionStream(), RedisKeys.SCORER_GROUP, new StreamEntryID(messageId));
        tx.hdel(keys.scoringErrors(), messageId);
        tx.exec();
      }
      return null;
    });
  }

  @Override
  public Future<Void> recordError(String messageId, String error) {
    return redis.call(jedis -> {
      jedis.hset(keys.scoringErrors(), messageId, error);
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
      fields.put("deadLetter.reason", reason);
      fields.put("deadLetter.lastError", lastError == null ? "" : lastError);
      fields.put("deadLetter.at", Long.toString(System.currentTimeMillis()));
      try (var tx = jedis.multi()) {
        tx.xadd(keys.deadLetterStream(), XAddParams.xAddParams().maxLen(DEAD_LETTER_MAX).approximateTrimming(), fields);
        tx.xack(keys.mentionStream(), RedisKeys.SCORER_GROUP, new StreamEntryID(message.id()));
        tx.hdel(keys.scoringErrors(), message.id());
        tx.exec();
      }
      return null;
    });
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
