package nl.webcare.mention;

/**
 * What a social channel tells about a mention beyond its text: who said it (handle and reach), where
 * in a conversation it sits, how much attention it drew, and a review's recommendation. Every part
 * may be null: feeds know little of this, X and Mastodon most of it.
 *
 * @param authorHandle   the author's handle on the channel (without "@"), the key for author history
 * @param authorFollowers the author's follower count when the channel reports it
 * @param authorVerified  true when the channel marks the author as verified
 * @param conversationId  the thread it belongs to (X {@code conversation_id}, a Bluesky root post)
 * @param inReplyTo       the external id of the post it answers, or the user id it replies to
 * @param engagement      likes + reposts + replies + quotes at the time it was read
 * @param recommends      a review's "would recommend" answer (Kiyoh), else null
 */
public record MentionDetails(
    String authorHandle,
    Long authorFollowers,
    Boolean authorVerified,
    String conversationId,
    String inReplyTo,
    Integer engagement,
    Boolean recommends) {

  public static final MentionDetails NONE = new MentionDetails(null, null, null, null, null, null, null);

  public MentionDetails {
    if (authorFollowers != null && authorFollowers < 0) {
      throw new IllegalArgumentException("authorFollowers must not be negative");
    }
    if (engagement != null && engagement < 0) {
      throw new IllegalArgumentException("engagement must not be negative");
    }
  }

  public MentionDetails withRecommends(Boolean value) {
    return new MentionDetails(authorHandle, authorFollowers, authorVerified, conversationId, inReplyTo, engagement,
        value);
  }
}
