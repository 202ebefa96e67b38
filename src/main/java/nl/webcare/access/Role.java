package nl.webcare.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The roles of API keys and what each may do. */
public enum Role {
  /** Social-care agents: work cases. */
  AGENT(EnumSet.of(Permission.READ_WORKLIST, Permission.WORK_CASES, Permission.READ_AUTHORS, Permission.READ_MENTIONS,
      Permission.READ_ALERTS)),
  /** Team leads: what agents do, plus reassigning, acting on held cases, the SLA report and templates. */
  LEAD(EnumSet.of(Permission.READ_WORKLIST, Permission.WORK_CASES, Permission.LEAD_CASES, Permission.READ_AUTHORS,
      Permission.READ_MENTIONS, Permission.READ_ALERTS, Permission.READ_SLA, Permission.MANAGE_TEMPLATES,
      Permission.READ_ANALYTICS)),
  /** Marketing and analysts: read only, and never who said it. */
  ANALYST(EnumSet.of(Permission.READ_WORKLIST, Permission.READ_MENTIONS, Permission.READ_ALERTS, Permission.READ_SLA,
      Permission.READ_ANALYTICS)),
  /** Systems that read the alert feed (push ingest is signed per source instead). */
  INTEGRATION(EnumSet.of(Permission.READ_ALERTS)),
  ADMIN(EnumSet.allOf(Permission.class));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = permissions;
  }

  public boolean may(Permission permission) {
    return permissions.contains(permission);
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role of that wire name, or null. */
  public static Role fromWire(String text) {
    for (Role role : values()) {
      if (role.wire().equals(text)) {
        return role;
      }
    }
    return null;
  }
}
