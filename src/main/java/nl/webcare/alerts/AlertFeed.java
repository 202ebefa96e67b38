package nl.webcare.alerts;

import io.vertx.core.Future;
import java.util.List;

/**
 * The alert feed for integrations: alerts in the order they were raised, read by cursor. Fails its
 * future when the store cannot be reached.
 */
public interface AlertFeed {

  /** True when {@code text} is a cursor of this feed (a stream id such as 1732521600000-0). */
  static boolean isCursor(String text) {
    return text != null && text.matches("\\d{1,20}-\\d{1,20}");
  }

  /**
   * Alerts after the cursor (null: from the oldest kept), at most {@code limit}.
   *
   * @throws IllegalArgumentException (as the failure) when the cursor is not a feed cursor
   */
  Future<Page> after(String cursor, int limit);

  /**
   * @param next the cursor to pass next time: the last alert's, or the one given when nothing is new
   * @param more true when more alerts follow now (read again at once); false at the end (poll again later)
   */
  record Page(List<Alert> alerts, String next, boolean more) {}
}
