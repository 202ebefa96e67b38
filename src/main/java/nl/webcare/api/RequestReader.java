package nl.webcare.api;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import nl.webcare.store.PageCursor;

/** Validated reads of query parameters and JSON bodies; every problem is a 400 that says what is wrong. */
final class RequestReader {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  static final int MAX_AGENT_CHARS = 64;

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
      throw ApiException.badRequest("bad_json", "the body is not valid JSON: " + shorten(e.getMessage()));
    }
    throw ApiException.badRequest("bad_json", "the body must be a JSON object");
  }

  static String agent(JsonObject body) {
    Object value = body.getValue("agent");
    if (value == null) {
      throw ApiException.badRequest("missing_field", "agent is required: the name of the agent taking the action");
    }
    if (!(value instanceof String text) || text.isBlank() || text.strip().length() > MAX_AGENT_CHARS) {
      throw ApiException.badRequest("bad_field", "agent must be a non-empty text of at most " + MAX_AGENT_CHARS + " characters");
    }
    return text.strip();
  }

  private static String shorten(String message) {
    if (message == null) {
      return "";
    }
    return message.length() > 200 ? message.substring(0, 200) + "…" : message;
  }
}
