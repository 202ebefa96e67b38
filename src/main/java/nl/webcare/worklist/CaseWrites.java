package nl.webcare.worklist;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one command writes on a case hash besides its state and holder, as {@link CaseCodec} names the fields.
 *
 * @param set         fields set
 * @param setIfAbsent fields set only when the case has none yet (the first response time)
 * @param delete      fields removed
 * @param team        the team the case is in after the command
 * @param wakeAt      when a snoozed case wakes, else null
 * @param detail      the particulars kept in the history entry
 */
record CaseWrites(Map<String, String> set, Map<String, String> setIfAbsent, List<String> delete, String team,
    Instant wakeAt, JsonObject detail) {}
