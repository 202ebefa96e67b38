package nl.webcare.connector.x;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import nl.webcare.connector.ReplyChannel;

/** Replies on X through {@code POST /2/tweets} with {@code reply.in_reply_to_tweet_id}. */
final class XReplyChannel implements ReplyChannel {
  private final XApi api;
  private final WorkerExecutor workers;

  XReplyChannel(XApi api, WorkerExecutor workers) {
    this.api = api;
    this.workers = workers;
  }

  @Override
  public int maxLength() {
    return XPostLength.MAX;
  }

  @Override
  public int length(String text) {
    return XPostLength.of(text);
  }

  @Override
  public Future<String> reply(String inReplyTo, String text) {
    if (text == null || text.isBlank()) {
      return Future.failedFuture(new IllegalArgumentException("a reply needs text"));
    }
    int length = length(text);
    if (length > maxLength()) {
      return Future.failedFuture(new IllegalArgumentException(
          "the reply is " + length + " characters as X counts them; X allows " + maxLength()));
    }
    if (inReplyTo == null || !inReplyTo.matches("\\d{1,20}")) {
      return Future.failedFuture(new IllegalArgumentException("an X reply needs the numeric id of the post it answers"));
    }
    return workers.<String>executeBlocking(() -> api.reply(inReplyTo, text), false)
        .recover(error -> Future.failedFuture(XConnector.translate(error)));
  }
}
