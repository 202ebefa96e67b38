package nl.webcare.sla;

import java.util.Locale;

/**
 * The SLA band of a case: {@code crisis} for the crisis triage class, else by urgency: {@code high} from
 * 0.7, {@code normal} from 0.4, {@code low} below.
 */
public enum SlaBand {
  CRISIS, HIGH, NORMAL, LOW;

  public static SlaBand of(String triageClass, double urgency) {
    if ("crisis".equals(triageClass)) {
      return CRISIS;
    }
    return urgency >= 0.7 ? HIGH : urgency >= 0.4 ? NORMAL : LOW;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
