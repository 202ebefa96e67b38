package nl.webcare.config;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Typed, validated reads from the merged configuration tree by dotted key ("http.port"). Values that
 * came from environment variables arrive as strings, so every reader also accepts a string form.
 */
final class ConfigValues {
  private final JsonObject root;

  ConfigValues(JsonObject root) {
    this.root = root;
  }

  Object raw(String key) {
    JsonObject node = root;
    String[] parts = key.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      Object child = node.getValue(parts[i]);
      if (!(child instanceof JsonObject)) {
        return null;
      }
      node = (JsonObject) child;
    }
    return node.getValue(parts[parts.length - 1]);
  }

  int intIn(String key, int min, int max) {
    return (int) longIn(key, min, max, "an integer between " + min + " and " + max);
  }

  Duration millisIn(String key, long min, long max) {
    return Duration.ofMillis(longIn(key, min, max, "a number of milliseconds between " + min + " and " + max));
  }

  double doubleIn(String key, double min, double max) {
    Object value = raw(key);
    String expected = "a number from " + min + " to " + max;
    double parsed;
    try {
      parsed = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw invalid(key, value, expected);
    }
    if (!(parsed >= min && parsed <= max)) {
      throw invalid(key, value, expected);
    }
    return parsed;
  }

  private long longIn(String key, long min, long max, String expected) {
    Object value = raw(key);
    long parsed;
    try {
      parsed = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw invalid(key, value, expected);
    }
    if (parsed < min || parsed > max || (value instanceof Double d && d % 1 != 0)) {
      throw invalid(key, value, expected);
    }
    return parsed;
  }

  boolean bool(String key) {
    Object value = raw(key);
    if (value instanceof Boolean b) {
      return b;
    }
    String text = String.valueOf(value).trim().toLowerCase();
    return switch (text) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw invalid(key, value, "true or false");
    };
  }

  String text(String key) {
    Object value = raw(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw invalid(key, value, "a non-empty text");
    }
    return String.valueOf(value).trim();
  }

  /** A text that may be absent or empty, which both mean "not set". */
  String optionalText(String key) {
    Object value = raw(key);
    return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).trim();
  }

  /** A list of texts, or one comma-separated text (as an environment variable gives it); empty when absent. */
  java.util.List<String> textList(String key) {
    Object value = raw(key);
    java.util.List<String> items = new java.util.ArrayList<>();
    if (value instanceof io.vertx.core.json.JsonArray array) {
      array.forEach(item -> items.add(String.valueOf(item).trim()));
    } else if (value instanceof String text && !text.isBlank()) {
      for (String item : text.split(",")) {
        items.add(item.trim());
      }
    } else if (value != null) {
      throw invalid(key, value, "a list of texts");
    }
    items.removeIf(String::isEmpty);
    return java.util.List.copyOf(items);
  }

  static ConfigException invalid(String key, Object value, String expected) {
    String shown = value == null ? "nothing" : "\"" + value + "\"";
    return new ConfigException("config key " + key + ": expected " + expected + ", got " + shown);
  }
}
