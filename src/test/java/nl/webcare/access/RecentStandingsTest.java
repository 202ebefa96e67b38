package nl.webcare.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.webcare.support.Await;
import org.junit.jupiter.api.Test;

/** A clear standing is held for a second; a failure that blocks the client ends the hold at once. */
class RecentStandingsTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();
  private static final int LIMIT = 3;
  private final RecentStandings standings = new RecentStandings(new Counted(), now::get);

  @Test
  void aClearStandingIsReadOnceASecond() {
    assertThat(Await.result(standings.standing("10.0.0.1")).blocked()).isFalse();
    assertThat(Await.result(standings.standing("10.0.0.1")).blocked()).isFalse();
    assertThat(reads).hasValue(1);
    now.addAndGet(RecentStandings.HOLD_MS);
    Await.result(standings.standing("10.0.0.1"));
    assertThat(reads).hasValue(2);
    // another client has a standing of its own
    Await.result(standings.standing("10.0.0.2"));
    assertThat(reads).hasValue(3);
  }

  @Test
  void aFailureEndsTheHoldAtOnceAndABlockedStandingIsNeverHeld() {
    assertThat(Await.result(standings.standing("10.0.0.1")).blocked()).isFalse();
    for (int i = 0; i < LIMIT; i++) {
      assertThat(Await.result(standings.failed("10.0.0.1")).blocked()).isFalse();
    }
    // the limit is spent: within the same second the next request is blocked (not let through by the hold), and a
    // blocked standing is read from the store each time
    int before = reads.get();
    assertThat(Await.result(standings.standing("10.0.0.1")).blocked()).isTrue();
    assertThat(Await.result(standings.standing("10.0.0.1")).blocked()).isTrue();
    assertThat(reads.get()).isEqualTo(before + 2);
  }

  /** Counts like Redis does: blocked past the limit. */
  private final class Counted implements AuthFailures {
    @Override
    public Future<Standing> standing(String client) {
      reads.incrementAndGet();
      return Future.succeededFuture(new Standing(failures.get() + 1 > LIMIT, 30));
    }

    @Override
    public Future<Standing> failed(String client) {
      return Future.succeededFuture(new Standing(failures.incrementAndGet() > LIMIT, 30));
    }
  }
}
