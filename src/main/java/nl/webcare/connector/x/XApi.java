package nl.webcare.connector.x;

/**
 * The part of the X API v2 that Webcare uses, as blocking calls (run them on a worker pool). Webcare's
 * own seam: the connector and the reply channel know only this, not the client library.
 */
interface XApi {

  /** What to read: the mentions of a user id, or a recent search. */
  record Query(String userId, String search, String sinceId, String paginationToken) {
    boolean isMentions() {
      return userId != null;
    }
  }

  /**
   * Reads one page ({@code GET /2/users/{id}/mentions} or {@code GET /2/tweets/search/recent}) with
   * the author expansion, conversation, language and public metrics.
   *
   * @throws XApiException with X's status and error text, or status -1 when there was no answer
   */
  XPage read(Query query, int maxResults) throws XApiException;

  /**
   * Posts {@code text} as a reply to post {@code inReplyToId} ({@code POST /2/tweets}) with the
   * user-context credentials and returns the new post's id.
   *
   * @throws XApiException with X's status and error text
   */
  String reply(String inReplyToId, String text) throws XApiException;
}
