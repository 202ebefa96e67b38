package nl.webcare.inbox;

import nl.webcare.mention.MentionCodec;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import nl.webcare.store.LuaScript;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.webcare.mention.Mention;

/**
 * The durable inbox: appends new mentions to the stream {@code mentions}, each at most once per
 * (source, external id) within the retention period. Fails when Redis cannot be reached; nothing is
 * half-written then, and the caller keeps its cursor and tries again.
 */
public final class RedisMentionInbox implements MentionInbox {
  public static final LuaScript APPEND = LuaScript.load("append_mention");

  private final RedisGateway redis;
  private final Duration retention;

  public RedisMentionInbox(RedisGateway redis, Duration retention) {
    this.redis = redis;
    this.retention = retention;
  }

  /** A source's clock may be off by hours, never by more than a day: later than that is an error of the source. */
  static final Duration LATEST_PUBLICATION = Duration.ofDays(1);

  /**
   * A publication time beyond tomorrow (year 9999, a wrong time zone) is taken as the time of receipt, so that it
   * neither sorts on top for ever nor ages the wait of its case backwards.
   */
  public static Mention clamped(Mention mention, Instant now) {
    return mention.publishedAt().isAfter(now.plus(LATEST_PUBLICATION)) ? mention.withPublishedAt(now) : mention;
  }


  @Override
  public Future<AppendResult> append(List<Mention> mentions) {
    if (mentions.isEmpty()) {
      return Future.succeededFuture(new AppendResult(0, 0));
    }
    RedisKeys keys = redis.keys();
    Instant now = Instant.now();
    return redis.call(jedis -> {
      int appended = 0;
      for (Mention offered : mentions) {
        Mention mention = clamped(offered, now);
        List<String> args = new ArrayList<>();
        args.add(Long.toString(retention.toMillis()));
        for (Map.Entry<String, String> field : MentionCodec.mentionFields(mention).entrySet()) {
          args.add(field.getKey());
          args.add(field.getValue());
        }
        Object id = redis.evalScript(jedis, APPEND, List.of(keys.seen(mention.id()), keys.mentionStream()), args);
        if (id != null) {
          appended++;
        }
      }
      return new AppendResult(appended, mentions.size() - appended);
    });
  }
}
