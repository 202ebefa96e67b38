package nl.webcare.worklist;

/**
 * Who acts on a case: the owner of the API key, and whether they may act on a case another agent
 * holds (leads and admins may).
 */
public record Actor(String name, boolean mayOverride) {
  /** Webcare itself (housekeeping, a customer's new mention). */
  public static final Actor SYSTEM = new Actor("webcare", true);
}
