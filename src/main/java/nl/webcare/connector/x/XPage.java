package nl.webcare.connector.x;

import java.time.Instant;
import java.util.List;

/**
 * One page of an X timeline or search, newest first.
 *
 * @param nextToken {@code meta.next_token}: the next (older) page, null on the last page
 * @param newestId  {@code meta.newest_id}: the since-id for the next run, null when the page is empty
 * @param rateLimit what {@code x-rate-limit-remaining} and {@code x-rate-limit-reset} said, null when absent
 */
record XPage(List<XPost> posts, String nextToken, String newestId, RateLimit rateLimit) {
  XPage {
    posts = List.copyOf(posts);
  }

  /** Requests left in the current window and when the window resets. */
  record RateLimit(int remaining, Instant resetAt) {
    boolean spent() {
      return remaining <= 0 && resetAt.isAfter(Instant.now());
    }
  }
}
