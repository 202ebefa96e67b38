package nl.webcare.delivery;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/**
 * Alert subscriptions: made, read, changed and removed, their signing secrets rotated and their feed tokens issued
 * and revoked. Secrets and tokens are shown once, in the answer that makes them. Every future fails when the store
 * cannot be reached.
 */
public interface SubscriptionStore {
  /** Subscriptions one owner may hold at most, and all together. */
  int MAX_PER_OWNER = 50;
  int MAX_TOTAL = 1000;

  /** A subscription with a secret just made (shown once), or with a feed token just issued (shown once). */
  record Issued(Subscription subscription, String secret, String feedToken) {}

  /**
   * Stores a new subscription (its id, creation time and, for a webhook, its secret are made here), starting
   * after {@code startAfter} (an alert cursor; null: after the newest alert, so that only new alerts are sent).
   *
   * @throws IllegalStateException (as the failure) when the owner or the whole store holds the maximum
   */
  Future<Issued> create(Subscription draft, String startAfter);

  /** The subscription, or null. */
  Future<Subscription> get(String id);

  /** Every subscription, oldest first; with an owner key id, only that key's. */
  Future<List<Subscription>> list(String ownerKeyId);

  /**
   * Replaces what can change (name, filter, url, format, enabled); a webhook that gets its first URL gets a
   * secret (returned in {@link Issued#secret()}); enabling again clears the disabled reason. Null when missing.
   */
  Future<Issued> update(Subscription changed);

  /** Removes it with its cursor, retry state, log and feed token; false when there was none. */
  Future<Boolean> delete(String id);

  /** A new secret; the old one is still signed with for {@code overlap} (receivers switch meanwhile). */
  Future<Issued> rotateSecret(String id, Duration overlap);

  /** A new feed token (an earlier one stops working at once). */
  Future<Issued> issueFeedToken(String id);

  /** Revokes the feed token; false when there was none. */
  Future<Boolean> revokeFeedToken(String id);

  /** The subscription whose feed token this is, or null. */
  Future<Subscription> byFeedToken(String token);

  /** Stops a webhook subscription, with the reason shown to its owner. */
  Future<Void> disable(String id, String reason);

  /**
   * Calls {@code listener} (on any thread) after a subscription was made, changed, rotated, disabled or removed
   * through this store, so that this process's deliveries use the change at once instead of at their next
   * refresh. Other processes see it at their next refresh.
   */
  void onChange(Runnable listener);
}
