package nl.webcare.connector;

import io.vertx.core.Future;

/** A channel that can post a public reply to a mention it found (X). */
public interface ReplyChannel {

  /** The longest reply the channel accepts, counted the way {@link #length} counts. */
  int maxLength();

  /** The reply's length as the channel counts it (X counts a link as 23 characters). */
  int length(String text);

  /**
   * Posts {@code text} as a reply to the post with external id {@code inReplyTo}.
   *
   * @return the new post's id on the channel; fails with {@link IllegalArgumentException} when the text
   *     is empty or too long (nothing is sent), or with {@link ConnectorException} carrying the channel's
   *     own error text
   */
  Future<String> reply(String inReplyTo, String text);
}
