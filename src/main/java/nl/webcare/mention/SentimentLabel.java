package nl.webcare.mention;

/** The overall sentiment of a mention; UNSCORED for a language Webcare cannot score. */
public enum SentimentLabel {
  NEGATIVE,
  NEUTRAL,
  POSITIVE,
  UNSCORED;

  public String wire() {
    return name().toLowerCase();
  }

  /** Parses the lower-case wire form; null for anything else. */
  public static SentimentLabel fromWire(String text) {
    for (SentimentLabel label : values()) {
      if (label.wire().equals(text)) {
        return label;
      }
    }
    return null;
  }
}
