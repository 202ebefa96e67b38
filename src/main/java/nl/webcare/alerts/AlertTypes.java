package nl.webcare.alerts;

import java.util.List;

/** The alert types Webcare raises, as subscribers name them. */
public final class AlertTypes {
  public static final String CASE_OPENED = "case.opened";
  public static final String CASE_JOINED = "case.joined";
  public static final String CASE_REOPENED = "case.reopened";
  public static final String CASE_ASSIGNED = "case.assigned";
  public static final String CASE_ESCALATED = "case.escalated";
  public static final String CASE_RESOLVED = "case.resolved";
  public static final String CASE_DISMISSED = "case.dismissed";
  public static final String SLA_BREACHED = "sla.breached";
  /** A brand's negative volume broke out of line, and later came back (see the spike detector). */
  public static final String SPIKE_STARTED = "spike.started";
  public static final String SPIKE_ENDED = "spike.ended";
  /** A webhook subscription stopped delivering (410, or its retries ran out): for admins. */
  public static final String SUBSCRIPTION_DISABLED = "subscription.disabled";

  public static final List<String> ALL = List.of(CASE_OPENED, CASE_JOINED, CASE_REOPENED, CASE_ASSIGNED,
      CASE_ESCALATED, CASE_RESOLVED, CASE_DISMISSED, SLA_BREACHED, SPIKE_STARTED, SPIKE_ENDED, SUBSCRIPTION_DISABLED);

  /** Families whose members are added by later features (the marketing spikes); {@code spike.*} names them all. */
  public static final List<String> FAMILIES = List.of("case", "sla", "spike", "subscription");

  private AlertTypes() {}

  /** A type Webcare raises, or a family ({@code case.*}), or a member of an open family ({@code spike.volume}). */
  public static boolean isKnownOrFamily(String type) {
    if (ALL.contains(type)) {
      return true;
    }
    int dot = type.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    String family = type.substring(0, dot);
    String rest = type.substring(dot + 1);
    return FAMILIES.contains(family) && (rest.equals("*") || family.equals("spike") && rest.matches("[a-z_]+"));
  }
}
