package nl.webcare.delivery;

import java.util.Locale;

/** What a webhook's body looks like: Standard Webhooks JSON for systems, a message for Slack or Teams people. */
public enum WebhookFormat {
  JSON, SLACK, TEAMS;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format of that name, or null. */
  public static WebhookFormat fromWire(String text) {
    for (WebhookFormat f : values()) {
      if (f.wire().equals(text)) {
        return f;
      }
    }
    return null;
  }
}
