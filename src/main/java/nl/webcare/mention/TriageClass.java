package nl.webcare.mention;

/** What kind of mention this is, most urgent kind first. */
public enum TriageClass {
  /** Legal threat, safety or health, data leak, outage, press: a lead must see it now. */
  CRISIS,
  /** Something went wrong for this customer. */
  COMPLAINT,
  /** A question, or a request for help: needs a reply as much as a complaint. */
  QUESTION,
  PRAISE,
  OTHER;

  public String wire() {
    return name().toLowerCase();
  }
}
