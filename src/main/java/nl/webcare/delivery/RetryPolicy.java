package nl.webcare.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed webhook is tried again: exponential back-off from {@code first} (doubling, at most {@code max}),
 * with jitter so that many subscriptions failing together do not retry together, never sooner than the receiver's
 * {@code Retry-After}; and when to stop ({@code giveUpAfter} since the first failure: the subscription is disabled).
 */
public record RetryPolicy(Duration first, Duration max, Duration giveUpAfter) {
  public static final RetryPolicy STANDARD = new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1),
      Duration.ofHours(24));

  /** The time of the next try after {@code attempts} failures, or null when it is time to give up. */
  public Instant next(int attempts, Instant firstFailedAt, Instant now, Instant retryAfter) {
    Instant deadline = firstFailedAt.plus(giveUpAfter);
    if (!now.isBefore(deadline)) {
      return null;
    }
    long base = first.toMillis() << Math.min(attempts - 1, 30);
    long capped = Math.min(Math.max(base, first.toMillis()), max.toMillis());
    // "equal jitter": between half and all of the back-off
    long delay = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    Instant at = now.plusMillis(delay);
    if (retryAfter != null && retryAfter.isAfter(at)) {
      at = retryAfter;
    }
    if (at.isAfter(deadline)) {
      // one last try at the deadline rather than none
      at = deadline;
    }
    return at;
  }
}
