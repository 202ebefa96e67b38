package nl.webcare.access;

/** What an API key may do; {@link Role} gives each role its set. */
public enum Permission {
  /** See the worklist, cases, connectors and the dead letters. */
  READ_WORKLIST,
  /** Claim, reply, escalate, resolve ... cases; notes and tags. */
  WORK_CASES,
  /** Reassign, and act on cases another agent holds. */
  LEAD_CASES,
  /** Names, handles and links of authors, and author history. */
  READ_AUTHORS,
  READ_MENTIONS,
  READ_ALERTS,
  READ_SLA,
  /** Marketing figures: sentiment over time, share of voice (counts only, no personal data). */
  READ_ANALYTICS,
  MANAGE_TEMPLATES,
  /** Create and revoke API keys, erase authors. */
  ADMINISTER
}
