package nl.webcare.mention;

import java.util.Locale;

/**
 * Who said it, on which channel: {@code channel:handle} (lower case), or the display name where the
 * channel gives no handle. The key of the author's history, of grouping into cases, and of erasure.
 */
public final class AuthorKey {
  private AuthorKey() {}

  /** The key, or null when the mention names no author. */
  public static String of(Mention m) {
    String who = m.details().authorHandle() != null ? m.details().authorHandle() : m.author();
    return who == null || who.isBlank() || m.channel() == null ? null : of(m.channel(), who);
  }

  public static String of(String channel, String handle) {
    return channel + ":" + handle.trim().toLowerCase(Locale.ROOT);
  }

  /** The handle part of a key. */
  public static String handle(String key) {
    return key.substring(key.indexOf(':') + 1);
  }
}
