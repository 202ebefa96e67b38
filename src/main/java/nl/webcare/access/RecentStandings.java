package nl.webcare.access;

import io.vertx.core.Future;

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
  /** client -> its clear standing, when it was read. */
  private final SecondHold<Boolean> clear;

  public RecentStandings(AuthFailures failures) {
    this(failures, System::currentTimeMillis);
  }

  RecentStandings(AuthFailures failures, java.util.function.LongSupplier clock) {
    this.failures = failures;
    this.clear = new SecondHold<>(HOLD_MS, CAPACITY, clock);
  }

  @Override
  public Future<Standing> standing(String client) {
    if (clear.get(client) != null) {
      return Future.succeededFuture(new Standing(false, 0));
    }
    long now = clear.now();
    return failures.standing(client).onSuccess(s -> {
      if (!s.blocked()) {
        clear.put(client, Boolean.TRUE, now);
      }
    });
  }

  /** Counts the failure in the store; the client's standing is read from there again at its next request. */
  @Override
  public Future<Standing> failed(String client) {
    clear.remove(client);
    return failures.failed(client);
  }
}
