package nl.webcare.connector;

import java.util.List;
import java.util.Map;
import nl.webcare.mention.Mention;

/**
 * What one poll found.
 *
 * @param mentions   items found, new or not (the inbox drops the ones it has seen)
 * @param nextCursor cursor to store once the mentions are safely appended (ETag, Last-Modified ...)
 * @param notModified true when the source said nothing changed (HTTP 304)
 * @param skipped    entries that could not become a mention (no id, no text), counted for the status
 */
public record PollResult(List<Mention> mentions, Map<String, String> nextCursor, boolean notModified, int skipped) {
  public PollResult {
    mentions = List.copyOf(mentions);
    nextCursor = Map.copyOf(nextCursor);
  }

  public static PollResult notModified(Map<String, String> cursor) {
    return new PollResult(List.of(), cursor, true, 0);
  }
}
