package nl.webcare.worklist;

/** Where a case stands. Allowed moves: NEW -> ASSIGNED (claim) -> RESOLVED, or NEW -> RESOLVED. */
public enum CaseState {
  NEW,
  ASSIGNED,
  RESOLVED;

  public String wire() {
    return name().toLowerCase();
  }

  public static CaseState fromWire(String text) {
    return valueOf(text.toUpperCase());
  }
}
