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
  /** {@code release_lease.lua}: KEYS the lease, ARGV the owner. */
  public static final LuaScript RELEASE = LuaScript.load("release_lease");

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

  /** Gives the lease back when this process holds it, so that another may poll at once (a clean stop). */
  public Future<Boolean> release(String connector) {
    return redis.call(jedis -> Long.valueOf(1L).equals(redis.evalScript(jedis, RELEASE,
        List.of(redis.keys().connectorLease(connector)), List.of(owner))));
  }

  /** How often a holder renews its lease: a third of its length, so that a killed holder keeps it at most ttl. */
  public Duration renewEvery() {
    return ttl.dividedBy(3);
  }
}
