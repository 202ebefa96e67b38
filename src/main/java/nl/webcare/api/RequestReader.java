package nl.webcare.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nl.webcare.store.PageCursor;

/** Validated reads of query parameters and JSON bodies; every problem is a 400 that says what is wrong. */
final class RequestReader {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  static final int MAX_NAME_CHARS = 64;

  private RequestReader() {}

  static int limit(RoutingContext ctx) {
    String text = ctx.queryParams().get("limit");
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the error below
    }
    throw ApiException.badRequest("bad_parameter", "limit must be a whole number from 1 to " + MAX_LIMIT + ", got " + text);
  }

  static PageCursor cursor(RoutingContext ctx) {
    String text = ctx.queryParams().get("cursor");
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return PageCursor.decode(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_parameter", "cursor is not one that this API returned");
    }
  }

  /** The request body as a JSON object; an empty body is an empty object. */
  static JsonObject jsonBody(RoutingContext ctx) {
    String body = ctx.body() == null ? null : ctx.body().asString();
    if (body == null || body.isBlank()) {
      return new JsonObject();
    }
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(body);
      if (parsed instanceof JsonObject object) {
        return object;
      }
    } catch (DecodeException e) {
      throw ApiException.badRequest("bad_json", "the body is not valid JSON" + position(e));
    }
    throw ApiException.badRequest("bad_json", "the body must be a JSON object");
  }

  /** A required text field of at most {@code max} characters, trimmed. */
  static String text(JsonObject body, String field, int max) {
    String value = optionalText(body, field, max);
    if (value == null) {
      throw ApiException.badRequest("missing_field", field + " is required");
    }
    return value;
  }

  /** An optional text field of at most {@code max} characters, trimmed; null when absent. */
  static String optionalText(JsonObject body, String field, int max) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.isBlank() || text.strip().length() > max) {
      throw ApiException.badRequest("bad_field", field + " must be a non-empty text of at most " + max + " characters");
    }
    return text.strip();
  }

  /** An optional list of short texts (tags); empty when absent. */
  static java.util.Set<String> words(JsonObject body, String field, int maxEach) {
    Object value = body.getValue(field);
    java.util.Set<String> words = new java.util.TreeSet<>();
    if (value == null) {
      return words;
    }
    if (!(value instanceof io.vertx.core.json.JsonArray list)) {
      throw ApiException.badRequest("bad_field", field + " must be a list of texts");
    }
    for (Object item : list) {
      if (!(item instanceof String word) || !word.strip().matches("[\\p{L}\\p{N}_.:-]{1," + maxEach + "}")) {
        throw ApiException.badRequest("bad_field", field + " holds " + item + "; tags are letters, digits, '_', '.', ':'"
            + " or '-', at most " + maxEach + " characters");
      }
      words.add(word.strip().toLowerCase(java.util.Locale.ROOT));
    }
    return words;
  }

  /** An optional query parameter that must be one of {@code allowed}. */
  static String oneOf(RoutingContext ctx, String name, java.util.Collection<String> allowed) {
    String value = ctx.queryParams().get(name);
    if (value != null && !allowed.contains(value)) {
      throw ApiException.badRequest("bad_parameter", name + " must be one of " + allowed + ", got " + value);
    }
    return value;
  }

  /** Where the parser stopped, as a person counts (" at line 1, column 7"), or nothing when it did not say. */
  private static String position(DecodeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof com.fasterxml.jackson.core.JsonProcessingException parse && parse.getLocation() != null) {
        return " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
      }
    }
    return "";
  }

  /** An optional date-time with an offset ({@code 2026-11-26T09:00:00+01:00}); null when absent and not required. */
  static java.time.Instant dateTime(JsonObject body, String field, boolean required) {
    String text = required ? text(body, field, 64) : optionalText(body, field, 64);
    if (text == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiException.badRequest("bad_field", field + " must be a date-time with an offset, e.g. "
          + "2026-11-26T09:00:00+01:00");
    }
  }
}
