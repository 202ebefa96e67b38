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
 * @param increments  counters added to (the case's own figures)
 * @param team        the team the case is in after the command
 * @param wakeAt      when a snoozed case wakes, else null
 * @param detail      the particulars kept in the history entry
 */
record CaseWrites(Map<String, String> set, Map<String, String> setIfAbsent, List<String> delete,
    Map<String, Long> increments, String team, Instant wakeAt, JsonObject detail) {

  /** These writes with more: fields set, set when absent, removed and counted up. */
  CaseWrites plus(Map<String, String> moreSet, Map<String, String> moreSetIfAbsent, List<String> moreDelete,
      Map<String, Long> moreIncrements) {
    Map<String, String> s = new java.util.LinkedHashMap<>(set);
    s.putAll(moreSet);
    Map<String, String> a = new java.util.LinkedHashMap<>(setIfAbsent);
    a.putAll(moreSetIfAbsent);
    List<String> d = new java.util.ArrayList<>(delete);
    d.addAll(moreDelete);
    Map<String, Long> i = new java.util.LinkedHashMap<>(increments);
    moreIncrements.forEach((k, v) -> i.merge(k, v, Long::sum));
    return new CaseWrites(s, a, d, i, team, wakeAt, detail);
  }
}
