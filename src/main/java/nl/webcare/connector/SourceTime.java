package nl.webcare.connector;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Times as sources write them (RFC 3339 / ISO 8601 with an offset). */
public final class SourceTime {
  private SourceTime() {}

  /** The instant, or null when the text is absent or not such a time (the caller falls back). */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
