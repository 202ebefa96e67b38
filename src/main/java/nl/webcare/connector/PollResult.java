package nl.webcare.connector;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.webcare.mention.Mention;

/**
 * What one poll found.
 *
 * @param mentions    items found, new or not (the inbox drops the ones it has seen)
 * @param nextCursor  cursor to store once the mentions are safely appended (ETag, Last-Modified, since-id ...)
 * @param notModified true when the source said nothing changed (HTTP 304)
 * @param skipped     entries that could not become a mention (no id, no text), counted for the status
 * @param pause       when the source must not be asked again before a time (rate-limit window or daily
 *                    read budget spent), else null
 * @param figures     connector-specific figures for the status page (reads today, budget ...)
 */
public record PollResult(List<Mention> mentions, Map<String, String> nextCursor, boolean notModified, int skipped,
    Pause pause, Map<String, String> figures) {

  /** Do not poll before {@code until}; {@code reason} is shown on the status page. */
  public record Pause(Instant until, String reason) {}

  public PollResult {
    mentions = List.copyOf(mentions);
    nextCursor = Map.copyOf(nextCursor);
    figures = Map.copyOf(figures);
  }

  public PollResult(List<Mention> mentions, Map<String, String> nextCursor, boolean notModified, int skipped) {
    this(mentions, nextCursor, notModified, skipped, null, Map.of());
  }

  public static PollResult notModified(Map<String, String> cursor) {
    return new PollResult(List.of(), cursor, true, 0);
  }
}
