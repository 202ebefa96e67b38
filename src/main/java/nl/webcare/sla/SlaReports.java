package nl.webcare.sla;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** SLA figures of a period. Fails its future when the store cannot be reached. */
public interface SlaReports {

  /** The report for cases opened in [from, to), limited to {@code team} and {@code channel} when given (null: all). */
  Future<JsonObject> report(Instant from, Instant to, String team, String channel);
}
