package nl.webcare.inbox;

import nl.webcare.mention.MentionCodec;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import nl.webcare.store.LuaScript;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.webcare.mention.Mention;

/**
 * The durable inbox: appends new mentions to the stream {@code mentions}, each at most once per
 * (source, external id) within the retention period. Fails when Redis cannot be reached; nothing is
 * half-written then, and the caller keeps its cursor and tries again.
 */
public final class MentionInbox {
  public static final LuaScript APPEND = LuaScript.load("append_mention");

  private final RedisGateway redis;
  private final Duration retention;

  public MentionInbox(RedisGateway redis, Duration retention) {
    this.redis = redis;
    this.retention = retention;
  }

  /** How many of the offered mentions were new and how many were already in. */
  public record AppendResult(int appended, int duplicates) {}

  public Future<AppendResult> append(List<Mention> mentions) {
    if (mentions.isEmpty()) {
      return Future.succeededFuture(new AppendResult(0, 0));
    }
    RedisKeys keys = redis.keys();
    return redis.call(jedis -> {
      int appended = 0;
      for (Mention mention : mentions) {
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
