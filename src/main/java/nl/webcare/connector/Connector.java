package nl.webcare.connector;

import io.vertx.core.Future;
import java.util.Map;

/**
 * One polled source. A connector only reads: the poller appends what it found and then stores the
 * cursor, so a connector never moves its own cursor.
 */
public interface Connector {

  ConnectorDefinition definition();

  /**
   * Polls once, starting from the stored cursor (empty on the first poll).
   *
   * @return the items found; fails with a {@link ConnectorException} whose message says what went
   *     wrong in words an operator understands (status code, timeout, malformed feed, too large)
   */
  Future<PollResult> poll(Map<String, String> cursor);

  /** How to reply on this connector's channel, when the channel allows it and credentials are set. */
  default java.util.Optional<ReplyChannel> replyChannel() {
    return java.util.Optional.empty();
  }
}
