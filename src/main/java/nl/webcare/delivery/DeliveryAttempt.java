package nl.webcare.delivery;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One line of a webhook's delivery log: which alert, when, the answer and how long it took.
 *
 * @param status    the receiver's HTTP status; 0 when there was no answer (timeout, reset, refused by the guard)
 * @param outcome   {@code delivered}, {@code retrying}, {@code disabled} (410 or retries spent)
 * @param error     what went wrong in a sentence; null when delivered
 * @param redelivery true when an admin asked for this alert again
 */
public record DeliveryAttempt(String alertId, String type, Instant at, int attempt, int status, long latencyMs,
    String outcome, String error, boolean redelivery) {

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("alertId", alertId).put("type", type).put("at", at.toString())
        .put("attempt", attempt).put("status", status == 0 ? null : status).put("latencyMs", latencyMs)
        .put("outcome", outcome).put("redelivery", redelivery);
    if (error != null) {
      json.put("error", error);
    }
    return json;
  }

  public static DeliveryAttempt fromJson(JsonObject json) {
    Integer status = json.getInteger("status");
    return new DeliveryAttempt(json.getString("alertId"), json.getString("type"), Instant.parse(json.getString("at")),
        json.getInteger("attempt", 1), status == null ? 0 : status, json.getLong("latencyMs", 0L),
        json.getString("outcome"), json.getString("error"), json.getBoolean("redelivery", false));
  }
}
