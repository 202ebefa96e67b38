package nl.webcare.connector;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reply channels of the running connectors by source name, filled as connectors start and read by
 * the API when an agent replies. A source without one (a feed, a review site) is answered elsewhere.
 */
public final class ReplyChannels {
  private final Map<String, ReplyChannel> bySource = new ConcurrentHashMap<>();

  public void register(String source, ReplyChannel channel) {
    bySource.put(source, channel);
  }

  public Optional<ReplyChannel> forSource(String source) {
    return Optional.ofNullable(source == null ? null : bySource.get(source));
  }
}
