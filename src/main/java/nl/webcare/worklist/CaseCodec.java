package nl.webcare.worklist;

import java.time.Instant;
import java.util.Map;

/** Case hashes to records; here because only the worklist writes them. */
final class CaseCodec {
  private CaseCodec() {}

  static Case fromFields(Map<String, String> f) {
    CaseState state = CaseState.fromWire(f.get("state"));
    if (state == null) {
      throw new IllegalStateException("case " + f.get("id") + " has an unknown state " + f.get("state"));
    }
    return new Case(f.get("id"), f.get("mentionId"), state, Long.parseLong(f.get("priority")),
        Double.parseDouble(f.getOrDefault("urgency", "0")), f.getOrDefault("triageClass", "complaint"), f.get("brand"),
        f.get("source"), f.get("channel"), f.get("language"), f.get("team"), f.get("assignee"), f.get("author"),
        f.get("authorKey"), instant(f.get("openedAt")), instant(f.get("lastMentionAt")),
        Integer.parseInt(f.getOrDefault("mentionCount", "1")), instant(f.get("firstResponseAt")),
        instant(f.get("lastReplyAt")),
        instant(f.get("resolvedAt")), f.get("closedBy"), instant(f.get("snoozedUntil")), f.get("dismissReason"),
        f.get("escalationReason"), f.get("escalatedFrom"), f.get("slaBand"), instant(f.get("firstResponseDue")),
        instant(f.get("resolutionDue")), instant(f.get("firstResponseBreachedAt")), instant(f.get("resolutionBreachedAt")),
        instant(f.get("nextReplyDue")), instant(f.get("nextReplyBreachedAt")));
  }

  static String millis(Instant at) {
    return Long.toString(at.toEpochMilli());
  }

  private static Instant instant(String millis) {
    return millis == null || millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
  }
}
