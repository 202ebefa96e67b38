package nl.webcare.access;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The failure counts with each client's clear standing held for a second in this process, so that a busy client's
 * requests do not each ask Redis whether it is blocked (measured: README, "Worklist pages"). It weakens no limit:
 * every failure is still counted in Redis and answers the count of all processes together, and any failure ends the
 * client's hold here, so its next request reads its standing from Redis; only a client blocked through failures in
 * another process may use a valid key here for up to {@link #HOLD_MS} more (a wrong key is refused and counted all
 * the same).
 */
public final class RecentStandings implements AuthFailures {
  static final long HOLD_MS = 1_000;
  private static final int CAPACITY = 10_000;

  private final AuthFailures failures;
  private final java.util.function.LongSupplier clock;
  /** client -> when its clear standing was read. */
  private final Map<String, Long> clear = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > CAPACITY;
    }
  };

  public RecentStandings(AuthFailures failures) {
    this(failures, System::currentTimeMillis);
  }

  RecentStandings(AuthFailures failures, java.util.function.LongSupplier clock) {
    this.failures = failures;
    this.clock = clock;
  }

  @Override
  public Future<Standing> standing(String client) {
    long now = clock.getAsLong();
    synchronized (clear) {
      Long at = clear.get(client);
      if (at != null && now - at < HOLD_MS) {
        return Future.succeededFuture(new Standing(false, 0));
      }
    }
    return failures.standing(client).onSuccess(s -> hold(client, s, now));
  }

  /** Counts the failure in the store; the client's standing is read from there again at its next request. */
  @Override
  public Future<Standing> failed(String client) {
    synchronized (clear) {
      clear.remove(client);
    }
    return failures.failed(client);
  }

  private void hold(String client, Standing standing, long at) {
    if (!standing.blocked()) {
      synchronized (clear) {
        clear.put(client, at);
      }
    }
  }
}
