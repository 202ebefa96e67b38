package nl.webcare.connector.x;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a post the way X does: every link is 23 characters whatever its length, characters of the
 * CJK and emoji ranges count 2, the rest 1 (after NFC normalisation). Close enough to X's
 * twitter-text rules to refuse a reply before it is sent rather than after X rejects it.
 */
final class XPostLength {
  static final int MAX = 280;
  private static final int LINK_WEIGHT = 23;
  private static final Pattern LINK = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);

  private XPostLength() {}

  static int of(String text) {
    String normalised = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
    Matcher links = LINK.matcher(normalised);
    int length = 0;
    int last = 0;
    while (links.find()) {
      length += weighted(normalised.substring(last, links.start())) + LINK_WEIGHT;
      last = links.end();
    }
    return length + weighted(normalised.substring(last));
  }

  private static int weighted(String text) {
    return text.codePoints().map(XPostLength::weight).sum();
  }

  /** X's light ranges (Latin, Greek, Cyrillic, Hebrew, Arabic, punctuation ...) weigh 1, the rest 2. */
  private static int weight(int codePoint) {
    boolean light = codePoint <= 0x10FF || (codePoint >= 0x2000 && codePoint <= 0x200D)
        || (codePoint >= 0x2010 && codePoint <= 0x201F) || (codePoint >= 0x2032 && codePoint <= 0x2037);
    return light ? 1 : 2;
  }
}
