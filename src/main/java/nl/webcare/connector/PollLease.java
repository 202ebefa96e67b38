package nl.webcare.connector;

import nl.webcare.store.RedisGateway;
import nl.webcare.store.LuaScript;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/**
 * Makes sure one Webcare process at a time polls a source when several share one Redis: a key set
 * with NX and an expiry, renewed by its holder and taken over by another process once it lapses.
 */
public final class PollLease {
  public static final LuaScript ACQUIRE = LuaScript.load("acquire_lease");

  private final RedisGateway redis;
  private final String owner;
  private final Duration ttl;

  public PollLease(RedisGateway redis, String owner, Duration ttl) {
    this.redis = redis;
    this.owner = owner;
    this.ttl = ttl;
  }

  /** True when this process holds (or now takes) the lease for that connector. */
  public Future<Boolean> acquire(String connector) {
    return redis.call(jedis -> {
      Object held = redis.evalScript(jedis, ACQUIRE, List.of(redis.keys().connectorLease(connector)),
          List.of(owner, Long.toString(ttl.toMillis())));
      return Long.valueOf(1L).equals(held);
    });
  }
}
