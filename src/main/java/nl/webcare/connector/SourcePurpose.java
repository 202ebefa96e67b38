package nl.webcare.connector;

import java.util.Locale;

/**
 * What a source is read for. {@code care}: its mentions go to the care queue (and are not counted for listening);
 * {@code listen}: they are scored and counted for marketing, and open a case only when they are a crisis about
 * the brand; {@code both}: counted and queued. Mentions of and replies to the brand, reviews and pushes are
 * {@code both} by default; news, blogs, Google News and Alerts, Hacker News, YouTube and generic feeds
 * {@code listen}, because an ordinary news feed is not a customer asking for help.
 */
public enum SourcePurpose {
  CARE, LISTEN, BOTH;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when its mentions may open cases as any customer's would. */
  public boolean forCare() {
    return this != LISTEN;
  }

  /** True when its mentions count in the marketing figures. */
  public boolean forListening() {
    return this != CARE;
  }

  /** The purpose of that name. */
  public static SourcePurpose fromWire(String text) {
    for (SourcePurpose p : values()) {
      if (p.wire().equals(text)) {
        return p;
      }
    }
    throw new IllegalArgumentException("purpose must be care, listen or both, got " + text);
  }
}
