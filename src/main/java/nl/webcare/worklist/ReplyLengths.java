package nl.webcare.worklist;

import java.util.Map;

/**
 * The longest reply each channel takes, for replies written elsewhere (a channel that Webcare replies
 * through counts for itself, see {@code ReplyChannel}). Bluesky: 300 characters; Mastodon: 500 (the
 * default of an instance); App Store developer responses: 5,970. Anything else: 5,000, Webcare's own
 * bound on what an agent writes in one go.
 */
public final class ReplyLengths {
  private static final Map<String, Integer> MAX = Map.of("bluesky", 300, "mastodon", 500, "appstore", 5970, "x", 280);
  private static final int DEFAULT = 5000;

  private ReplyLengths() {}

  public static int max(String channel) {
    return channel == null ? DEFAULT : MAX.getOrDefault(channel, DEFAULT);
  }
}
