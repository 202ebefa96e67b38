package nl.webcare.learning;

import java.time.Instant;
import java.util.Locale;

/**
 * What the care team's work says about a mention, kept to learn from: whether it needed a reply (a reply or a
 * hand-off says yes; a dismissal as not for us, spam or no reply needed says no; a lead's or agent's correction of
 * the triage class says either), or its sentiment (a correction). Holds the text: personal data, kept as long as
 * mentions and erased with their author.
 *
 * @param value  for {@link Task#NEEDS_REPLY}: {@code yes} or {@code no}; for {@link Task#SENTIMENT}: the label
 * @param source what gave it: reply, handoff, dismissal, correction
 */
public record TeamLabel(String mentionId, Task task, String value, String text, String language, String brand,
    String source, String by, Instant at) {

  public enum Task {
    NEEDS_REPLY, SENTIMENT;

    public String wire() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Task fromWire(String text) {
      for (Task t : values()) {
        if (t.wire().equals(text)) {
          return t;
        }
      }
      return null;
    }
  }
}
