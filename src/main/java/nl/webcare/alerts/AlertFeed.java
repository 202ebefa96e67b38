package nl.webcare.alerts;

import io.vertx.core.Future;
import java.util.List;

/**
 * The alert feed for integrations: alerts in the order they were raised, read by cursor. Fails its
 * future when the store cannot be reached.
 */
public interface AlertFeed {
  /** Entries looked at for one filtered page at most; a sparse filter answers what it found and where to go on. */
  int SCAN_LIMIT = 10_000;

  /** True when {@code text} is a cursor of this feed (a stream id such as 1732521600000-0). */
  static boolean isCursor(String text) {
    return text != null && text.matches("\\d{1,20}-\\d{1,20}");
  }

  /**
   * Alerts after the cursor (null: from the oldest kept), at most {@code limit}.
   *
   * @throws IllegalArgumentException (as the failure) when the cursor is not a feed cursor
   */
  default Future<Page> after(String cursor, int limit) {
    return after(cursor, limit, AlertFilter.ALL);
  }

  /**
   * The alerts after the cursor that the filter lets through, at most {@code limit}, looking at no more than
   * {@link #SCAN_LIMIT} entries: {@code next} is then the last entry looked at, so that the next call goes on.
   */
  Future<Page> after(String cursor, int limit, AlertFilter filter);

  /** The newest alerts that the filter lets through, newest first, looking at {@link #SCAN_LIMIT} entries at most. */
  Future<List<Alert>> latest(int limit, AlertFilter filter);

  /** The cursor of the newest alert, or null when the feed is empty. */
  Future<String> head();

  /** The alert with this cursor, or null when it is no longer kept. */
  Future<Alert> get(String cursor);

  /**
   * @param next the cursor to pass next time: the last alert's, or the one given when nothing is new
   * @param more true when more alerts follow now (read again at once); false at the end (poll again later)
   */
  record Page(List<Alert> alerts, String next, boolean more) {}
}
