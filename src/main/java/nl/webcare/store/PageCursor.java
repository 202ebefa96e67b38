package nl.webcare.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Position in a sorted set read from high to low score: the score and member of the last item
 * returned. Opaque to clients (base64url). Scores are whole numbers (epoch ms, or priorities built
 * from whole numbers), so they round-trip exactly.
 */
public record PageCursor(long score, String member) {

  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((score + "|" + member).getBytes(StandardCharsets.UTF_8));
  }

  /** Parses a cursor a client sent back; {@link IllegalArgumentException} when it is not one of ours. */
  public static PageCursor decode(String text) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int bar = decoded.indexOf('|');
      if (bar <= 0 || bar == decoded.length() - 1) {
        throw new IllegalArgumentException("not a cursor");
      }
      return new PageCursor(Long.parseLong(decoded.substring(0, bar)), decoded.substring(bar + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cursor is not one that this API returned: " + text);
    }
  }
}
