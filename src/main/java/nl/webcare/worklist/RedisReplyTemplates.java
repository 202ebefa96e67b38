package nl.webcare.worklist;

import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import nl.webcare.store.RedisGateway;

/** Reply templates in one Redis hash, field {@code name:language}. */
public final class RedisReplyTemplates implements ReplyTemplates {
  private final RedisGateway redis;

  public RedisReplyTemplates(RedisGateway redis) {
    this.redis = redis;
  }

  @Override
  public Future<Void> save(ReplyTemplate template) {
    return redis.call(jedis -> {
      jedis.hset(redis.keys().replyTemplates(), field(template.name(), template.language()), template.encode());
      return null;
    });
  }

  @Override
  public Future<ReplyTemplate> find(String name, String language) {
    return redis.call(jedis -> {
      String json = jedis.hget(redis.keys().replyTemplates(), field(name, language));
      return json == null ? null : ReplyTemplate.decode(json);
    });
  }

  @Override
  public Future<List<ReplyTemplate>> all() {
    return redis.call(jedis -> jedis.hvals(redis.keys().replyTemplates()).stream().map(ReplyTemplate::decode)
        .sorted(Comparator.comparing(ReplyTemplate::name).thenComparing(ReplyTemplate::language)).toList());
  }

  @Override
  public Future<Boolean> delete(String name, String language) {
    return redis.call(jedis -> jedis.hdel(redis.keys().replyTemplates(), field(name, language)) == 1);
  }

  private static String field(String name, String language) {
    return name + ":" + language;
  }
}
