package nl.webcare.mention;

/** The overall sentiment of a mention. */
public enum SentimentLabel {
  NEGATIVE,
  NEUTRAL,
  POSITIVE;

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
