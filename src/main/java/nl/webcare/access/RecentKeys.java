package nl.webcare.access;

import io.vertx.core.Future;
import java.util.List;
import java.util.Set;

/**
 * The key store with the keys found in the last second held in this process, so that a busy client's requests do
 * not each read its key from Redis (measured: README, "Worklist pages"). Only found keys are held (an unknown key is
 * looked up every time, and a new key works at once); a revocation or a new admin key empties the hold here at once,
 * and reaches the other processes within {@link #HOLD_MS}.
 */
public final class RecentKeys implements ApiKeyStore {
  static final long HOLD_MS = 1_000;
  private static final int CAPACITY = 10_000;

  private final ApiKeyStore store;
  private final SecondHold<ApiKey> held;

  public RecentKeys(ApiKeyStore store) {
    this(store, System::currentTimeMillis);
  }

  RecentKeys(ApiKeyStore store, java.util.function.LongSupplier clock) {
    this.store = store;
    this.held = new SecondHold<>(HOLD_MS, CAPACITY, clock);
  }

  @Override
  public Future<ApiKey> find(String key) {
    // held by the key's whole SHA-256 (as the store keeps it), never by a prefix another key could be made to share
    String fingerprint = nl.webcare.store.RedisKeys.sha256Hex(key);
    ApiKey known = held.get(fingerprint);
    if (known != null) {
      return Future.succeededFuture(known);
    }
    long now = held.now();
    return store.find(key).onSuccess(found -> {
      if (found != null) {
        held.put(fingerprint, found, now);
      }
    });
  }

  @Override
  public Future<Boolean> revoke(String id) {
    return store.revoke(id).onComplete(done -> forget());
  }

  @Override
  public Future<Void> bootstrapAdmin(String key) {
    return store.bootstrapAdmin(key).onComplete(done -> forget());
  }

  private void forget() {
    held.clear();
  }

  @Override
  public Future<Issued> create(String owner, Role role, Set<String> teams, String createdBy) {
    return store.create(owner, role, teams, createdBy);
  }

  @Override
  public Future<List<ApiKey>> list() {
    return store.list();
  }

  @Override
  public Future<ApiKey> byId(String id) {
    return store.byId(id);
  }

  @Override
  public Future<Boolean> worksIn(String owner, String team) {
    return store.worksIn(owner, team);
  }
}
