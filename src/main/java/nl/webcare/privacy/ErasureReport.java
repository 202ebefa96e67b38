package nl.webcare.privacy;

/**
 * What an erasure removed: mentions (stored and waiting in the inbox or dead letters), cases, the author's
 * mentions taken out of cases opened by someone else (a shared conversation), alerts, and index keys.
 */
public record ErasureReport(String authorKey, int mentions, int cases, int mentionsLeftInOtherCases,
    int inboxEntries, int alerts, int indexKeys) {

  public boolean foundAnything() {
    return mentions + cases + mentionsLeftInOtherCases + inboxEntries + alerts + indexKeys > 0;
  }
}
