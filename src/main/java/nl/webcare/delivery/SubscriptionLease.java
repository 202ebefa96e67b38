package nl.webcare.delivery;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import nl.webcare.connector.PollLease;
import nl.webcare.store.RedisGateway;

/**
 * One process at a time delivers a subscription's webhooks, so that two processes never send its alerts side by
 * side (out of order, twice). The same lease script as the pollers': taken with NX and an expiry, renewed by its
 * holder, taken over once a killed holder's lease lapses.
 */
final class SubscriptionLease {
  private final RedisGateway redis;
  private final String owner;
  private final Duration ttl;

  SubscriptionLease(RedisGateway redis, String owner, Duration ttl) {
    this.redis = redis;
    this.owner = owner;
    this.ttl = ttl;
  }

  Future<Boolean> acquire(String subscriptionId) {
    return redis.call(jedis -> Long.valueOf(1L).equals(redis.evalScript(jedis, PollLease.ACQUIRE,
        List.of(redis.keys().subscriptionLease(subscriptionId)), List.of(owner, Long.toString(ttl.toMillis())))));
  }

  Future<Boolean> release(String subscriptionId) {
    return redis.call(jedis -> Long.valueOf(1L).equals(redis.evalScript(jedis, PollLease.RELEASE,
        List.of(redis.keys().subscriptionLease(subscriptionId)), List.of(owner))));
  }

  Duration renewEvery() {
    return ttl.dividedBy(3);
  }
}
