package nl.webcare.delivery;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.webcare.store.LuaScript;
import nl.webcare.store.RedisGateway;

/**
 * How many live streams each API key holds open, over every Webcare process: a slot per stream, renewed by its
 * heartbeat and lapsing when a process dies, so that a crashed process's streams do not count for ever.
 */
public final class StreamSlots {
  public static final LuaScript TAKE = LuaScript.load("take_stream_slot");
  private final RedisGateway redis;
  private final int perKey;
  private final Duration lifetime;

  /** @param lifetime how long a slot lasts without renewal: a few heartbeats */
  public StreamSlots(RedisGateway redis, int perKey, Duration lifetime) {
    this.redis = redis;
    this.perKey = perKey;
    this.lifetime = lifetime;
  }

  public int perKey() {
    return perKey;
  }

  /** True when the key had a free slot, now held by {@code streamId}. */
  public Future<Boolean> take(String keyId, String streamId) {
    Instant now = Instant.now();
    return redis.call(jedis -> Long.valueOf(1L).equals(redis.evalScript(jedis, TAKE,
        List.of(redis.keys().alertStreamsOfKey(keyId)), List.of(streamId, Long.toString(now.toEpochMilli()),
            Long.toString(now.plus(lifetime).toEpochMilli()), Integer.toString(perKey)))));
  }

  public Future<Void> renew(String keyId, String streamId) {
    long until = Instant.now().plus(lifetime).toEpochMilli();
    return redis.call(jedis -> {
      String key = redis.keys().alertStreamsOfKey(keyId);
      jedis.zadd(key, until, streamId);
      jedis.pexpireAt(key, until);
      return null;
    });
  }

  public Future<Void> give(String keyId, String streamId) {
    return redis.call(jedis -> {
      jedis.zrem(redis.keys().alertStreamsOfKey(keyId), streamId);
      return null;
    });
  }
}
