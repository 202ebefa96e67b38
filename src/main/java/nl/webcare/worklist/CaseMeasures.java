package nl.webcare.worklist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Works out what a move adds to the case's own figures ({@link CaseFigures}), as writes that the move's script
 * applies with the move: counters, the holder's clock and the first resolution.
 */
final class CaseMeasures {
  private CaseMeasures() {}

  /** Somebody works on it: an agent holds it while it is assigned or with the expert team. */
  static boolean held(CaseState state, String holder) {
    return holder != null && !holder.isEmpty() && (state == CaseState.ASSIGNED || state == CaseState.ESCALATED);
  }

  static CaseWrites add(CaseWrites writes, Case read, CaseMove move, CaseState after, String holderAfter,
      Instant now) {
    Map<String, String> set = new LinkedHashMap<>();
    Map<String, String> setIfAbsent = new LinkedHashMap<>();
    List<String> delete = new ArrayList<>();
    Map<String, Long> increments = new LinkedHashMap<>();
    CaseFigures f = read.figures();
    switch (move) {
      case REPLY -> increments.put(CaseCodec.REPLIES, 1L);
      case ESCALATE -> increments.put(CaseCodec.ESCALATIONS, 1L);
      case RESOLVE -> {
        setIfAbsent.put(CaseCodec.FIRST_RESOLVED_AT, CaseCodec.millis(now));
        setIfAbsent.put(CaseCodec.REPLIES_AT_FIRST_RESOLUTION, Integer.toString(f.replies()));
      }
      case REOPEN -> {
        if (read.state().closed()) {
          increments.put(CaseCodec.REOPENS, 1L);
          if (withinWindow(f, now)) {
            set.put(CaseCodec.REOPENED_WITHIN_WINDOW, "1");
          }
        }
      }
      default -> { }
    }
    boolean wasHeld = held(read.state(), read.assignee());
    boolean isHeld = held(after, holderAfter);
    boolean sameHolder = Objects.equals(read.assignee(), holderAfter);
    if (wasHeld && (!isHeld || !sameHolder) && f.heldSince() != null) {
      long ms = Math.max(0, Duration.between(f.heldSince(), now).toMillis());
      increments.merge(CaseCodec.HELD_PREFIX + read.assignee(), ms, Long::sum);
    }
    if (isHeld && (!wasHeld || !sameHolder)) {
      set.put(CaseCodec.HELD_SINCE, CaseCodec.millis(now));
    } else if (!isHeld) {
      delete.add(CaseCodec.HELD_SINCE);
    }
    return writes.plus(set, setIfAbsent, delete, increments);
  }

  /** A reopening now falls within the window after the first resolution. */
  static boolean withinWindow(CaseFigures f, Instant now) {
    return f.firstResolvedAt() != null && !now.isAfter(f.firstResolvedAt().plus(CaseFigures.REOPEN_WINDOW));
  }
}
