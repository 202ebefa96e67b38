package nl.webcare.delivery;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import nl.webcare.access.Role;
import nl.webcare.alerts.Alert;
import nl.webcare.privacy.Redaction;

/**
 * An alert as every delivery path writes it (the polled feed, the live stream, webhooks): the same fields, typed,
 * with or without the author. Whoever may not read authors gets no author fields, and an excerpt with its handles,
 * links, e-mail addresses and phone numbers replaced.
 */
public final class AlertJson {
  private AlertJson() {}

  /**
   * Whether alerts name their author for a key of this role: for whoever may read authors, and for integrations,
   * which hand an alert to the people who answer (a ticket system, a chat channel); never for analysts.
   */
  public static boolean seesAuthors(Role role) {
    return role.may(nl.webcare.access.Permission.READ_AUTHORS) || role == Role.INTEGRATION;
  }

  public static JsonObject of(Alert alert, boolean withAuthor) {
    JsonObject json = new JsonObject().put("cursor", alert.cursor()).put("type", alert.type());
    alert.fields().forEach((key, value) -> {
      if (withAuthor) {
        json.put(key, value(key, value));
      } else if (!Redaction.AUTHOR_FIELDS.contains(key)) {
        json.put(key, "excerpt".equals(key) ? Redaction.text(value) : value(key, value));
      }
    });
    return json;
  }

  private static Object value(String key, String value) {
    try {
      return switch (key) {
        case "at", "publishedAt", "due", "windowStart", "windowEnd", "startedAt" ->
            Instant.ofEpochMilli(Long.parseLong(value)).toString();
        case "count", "threshold", "peak" -> Long.parseLong(value);
        case "baseline" -> Double.parseDouble(value);
        case "score", "urgency" -> Math.round(Double.parseDouble(value) * 10_000) / 10_000.0;
        case "rating" -> Integer.parseInt(value);
        default -> value;
      };
    } catch (NumberFormatException e) {
      return value; // written by another version: passed on as it is rather than failing the whole page
    }
  }
}
