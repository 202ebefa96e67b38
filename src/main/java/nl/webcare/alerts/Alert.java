package nl.webcare.alerts;

import java.util.Map;

/**
 * One entry of the alert feed.
 *
 * @param cursor the stream id; pass it back as {@code after} to read what came later
 * @param type   e.g. {@code case.opened}
 * @param fields everything else the entry carries (case id, mention id, brand, excerpt ...)
 */
public record Alert(String cursor, String type, Map<String, String> fields) {
  public Alert {
    fields = Map.copyOf(fields);
  }
}
