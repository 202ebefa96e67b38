package nl.webcare.casework;

import java.util.Map;

/**
 * Why a case service did not do what it was asked, with a stable code for programs and a sentence for people;
 * the HTTP layer turns the kind into a status. Nothing changed unless the message says otherwise.
 */
public final class CaseRefusal extends RuntimeException {
  public enum Kind {
    /** No such case (or none this caller may see). */
    NOT_FOUND,
    /** The case is another team's. */
    OTHER_TEAM,
    /** The case's state or holder does not allow it now. */
    CONFLICT,
    /** The request itself is wrong (a time in the past, a reply too long, an unknown agent ...). */
    INVALID,
    /** The channel refused what Webcare sent it. */
    UPSTREAM
  }

  private final Kind kind;
  private final String code;
  private final Map<String, Object> details;

  public CaseRefusal(Kind kind, String code, String message, Map<String, Object> details) {
    super(message, null, false, false);
    this.kind = kind;
    this.code = code;
    this.details = Map.copyOf(details);
  }

  public static CaseRefusal notFound(String caseId) {
    return new CaseRefusal(Kind.NOT_FOUND, "not_found", "no case " + caseId, Map.of());
  }

  public static CaseRefusal invalid(String code, String message) {
    return new CaseRefusal(Kind.INVALID, code, message, Map.of());
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  /** Fields that go with the error (the current state, the holder, a length and its maximum ...). */
  public Map<String, Object> details() {
    return details;
  }
}
