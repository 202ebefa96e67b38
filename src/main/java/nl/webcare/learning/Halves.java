package nl.webcare.learning;

/**
 * Splits a labelled file into two halves by each row's id, the same way every time: {@code train} to learn from,
 * {@code test} to measure on (the team-learning path, simulated on a development file), or {@code all}.
 */
public enum Halves {
  TRAIN, TEST, ALL;

  /** Whether the row with this id belongs to this half. */
  public boolean holds(String id) {
    if (this == ALL) {
      return true;
    }
    int hash = 0x811C9DC5;
    for (char ch : id.toCharArray()) {
      hash ^= ch;
      hash *= 0x01000193;
    }
    return ((hash & 1) == 0) == (this == TRAIN);
  }
}
