package nl.webcare.mention;

import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.ZAddParams;
import nl.webcare.store.PageCursor;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import nl.webcare.store.SortedSetPager;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * Mentions as Redis hashes ({@code mention:<id>}, expiring with retention) plus sorted-set indexes by
 * publication time. Index entries whose hash has expired are dropped when a read meets them.
 */
public final class RedisMentionStore implements MentionStore {
  /** How many index pages one query reads at most while filters skip entries. */
  private static final int MAX_FILTER_ROUNDS = 20;

  /** {@code count_mention.lua}: adds a stored mention to its hour's and day's counts, once. */
  public static final nl.webcare.store.LuaScript COUNT = nl.webcare.store.LuaScript.load("count_mention");

  /** The count script's keys and arguments, kept to run it again outside the transaction after a NOSCRIPT. */
  private record CountCall(List<String> keys, List<String> args) {}

  /** Mention ids kept per aspect and day, for an analyst to read what the figure rests on. */
  private static final int EXAMPLES_PER_ASPECT = 5;
  /** Negative mentions kept per brand for the spike detector's aspects and examples (the newest). */
  private static final int RECENT_NEGATIVES = 2000;
  /** Phrases ranked per brand, day and label (Space-Saving top-k: enough to keep the top 50 right). */
  private static final int PHRASES_PER_DAY = 500;

  /** How the marketing counts are kept: days in this zone, hours this long, days this long. */
  public record CountKeeping(java.time.ZoneId zone, Duration hours, Duration days) {
    public static final CountKeeping STANDARD = new CountKeeping(java.time.ZoneId.of("Europe/Amsterdam"),
        Duration.ofDays(35), Duration.ofDays(400));

    /** Negative mentions per minute: as long as hours, and at least the spike detector's four weeks and a day. */
    public Duration minutes() {
      Duration detector = Duration.ofDays(29);
      return hours.compareTo(detector) > 0 ? hours : detector;
    }
  }

  private final RedisGateway redis;
  private final RedisKeys keys;
  private final Duration retention;
  private final CountKeeping counts;

  public RedisMentionStore(RedisGateway redis, Duration retention) {
    this(redis, retention, CountKeeping.STANDARD);
  }

  public RedisMentionStore(RedisGateway redis, Duration retention, CountKeeping counts) {
    this.redis = redis;
    this.keys = redis.keys();
    this.retention = retention;
    this.counts = counts;
  }

  @Override
  public Future<Void> save(ScoredMention scored, MentionCount count) {
    Mention m = scored.mention();
    Map<String, String> fields = MentionCodec.scoredFields(scored);
    // Indexed, and expired, by when Webcare took the mention in (scored it), not by when the source says it was
    // published: an old review read today stays listed for the whole retention, like its case.
    long at = scored.scoredAt().toEpochMilli();
    return redis.call(jedis -> {
      // One pipeline, no transaction: the body, the indexes and the counts lie in different slots of a cluster, and
      // every write here may be repeated (the scorer acknowledges the stream message only after this succeeded, so a
      // crash halfway means the whole save again: the same body, the same index entries, and counts kept once by
      // their marker). On one node the body goes first; on a cluster the masters write in parallel, so a reader may
      // for a moment find an index entry whose body is not there yet, and skips it (findAll, recent).
      Response<Object> counted = null;
      CountCall countCall = null;
      try (AbstractPipeline pipeline = redis.pipelined(jedis)) {
        // one compact string (MentionCodec.pack): a hash with a long text would be kept as a table, about 3 times larger
        pipeline.set(keys.mention(m.id()), MentionCodec.pack(fields), SetParams.setParams().px(retention.toMillis()));
        List<String> indexes = new ArrayList<>(List.of(keys.mentionsByTime(),
            keys.mentionsByLabel(scored.sentiment().label().wire()), keys.mentionsBySource(m.source())));
        if (m.brand() != null) {
          indexes.add(keys.mentionsByBrand(m.brand()));
        }
        for (String index : indexes) {
          pipeline.zadd(index, at, m.id());
        }
        // housekeeping trims the indexes named here instead of looking for them in the whole keyspace
        pipeline.sadd(keys.mentionIndexes(), indexes.toArray(String[]::new));
        String author = AuthorKey.of(m);
        if (author != null) {
          // the author's history lives as long as their newest mention, and sheds what is past retention whenever
          // it grows: housekeeping never has to visit the (many) authors' indexes
          pipeline.zadd(keys.authorMentions(author), at, m.id());
          pipeline.zremrangeByScore(keys.authorMentions(author), "-inf", "(" + (at - retention.toMillis()));
          pipeline.pexpire(keys.authorMentions(author), retention.toMillis());
          pipeline.sadd(keys.handleChannels(AuthorKey.handle(author)), m.channel());
          pipeline.pexpire(keys.handleChannels(AuthorKey.handle(author)), retention.toMillis());
        }
        if (count != null) {
          countCall = countCall(m, count);
          // by its SHA: sending the source with every mention costs throughput; after a Redis restart the
          // script is unknown (NOSCRIPT) and is run once more below
          RedisKeys.requireOneSlot(COUNT.name(), countCall.keys());
          counted = pipeline.evalsha(COUNT.sha(), countCall.keys(), countCall.args());
          if (count.negative()) {
            // the brands the spike detector looks at, by their newest negative mention (GT: never moved back)
            pipeline.zadd(keys.spikeBrands(), count.at().toEpochMilli(), count.brand(),
                ZAddParams.zAddParams().gt());
          }
        }
        pipeline.sync();
      }
      if (counted != null) {
        try {
          counted.get();
        } catch (JedisDataException noScript) {
          if (noScript.getMessage() == null || !noScript.getMessage().startsWith("NOSCRIPT")) {
            throw noScript;
          }
          // Redis restarted and forgot the script: the mention is stored; count it now (the marker keeps it once)
          redis.evalScript(jedis, COUNT, countCall.keys(), countCall.args());
        }
      }
      return null;
    });
  }

  /** The count script's keys (all of the brand's slot) and arguments for one mention. */
  private CountCall countCall(Mention m, MentionCount count) {
    String day = count.day(counts.zone());
    List<String> countKeys = new ArrayList<>(List.of(keys.mentionCounted(count.brand(), m.id()),
        keys.countsOfHour(count.brand(), count.hour()), keys.countsOfDay(count.brand(), day),
        keys.negativeMinutes(count.brand(), count.utcDay()), keys.recentNegatives(count.brand()),
        keys.countingSince(count.brand()), keys.phrasesOfDay(count.brand(), day, count.label().wire())));
    List<String> args = new ArrayList<>(List.of(Long.toString(retention.toMillis()),
        Long.toString(counts.hours().toMillis()), Long.toString(counts.days().toMillis()), count.dimensions(),
        Double.toString(count.score()), Long.toString(count.reach()), count.triageClass().wire(), m.id(),
        Integer.toString(EXAMPLES_PER_ASPECT), count.negative() ? "1" : "0",
        Integer.toString(count.minuteOfUtcDay()), count.channelPart(), Long.toString(count.at().toEpochMilli()),
        count.brand(), Integer.toString(RECENT_NEGATIVES), Integer.toString(PHRASES_PER_DAY),
        Long.toString(counts.minutes().toMillis()), Integer.toString(count.aspects().size())));
    for (String aspect : count.aspects()) {
      countKeys.add(keys.aspectExamples(count.brand(), day, aspect));
      args.add(aspect);
    }
    args.addAll(count.phrases());
    return new CountCall(countKeys, args);
  }

  @Override
  public Future<List<ScoredMention>> byAuthorBetween(String authorKey, java.time.Instant from, java.time.Instant to) {
    return redis.call(jedis -> {
      // the same handle on every channel it wrote on (the author's history does the same)
      java.util.Set<String> channels = new java.util.TreeSet<>(jedis.smembers(keys.handleChannels(
          AuthorKey.handle(authorKey))));
      channels.add(authorKey.substring(0, authorKey.indexOf(':')));
      List<ScoredMention> out = new ArrayList<>();
      for (String channel : channels) {
        for (String id : jedis.zrangeByScore(keys.authorMentions(AuthorKey.of(channel, AuthorKey.handle(authorKey))),
            from.toEpochMilli(), to.toEpochMilli(), 0, 1000)) {
          ScoredMention m = read(jedis, id);
          if (m != null) {
            out.add(m);
          }
        }
      }
      out.sort(java.util.Comparator.comparing(ScoredMention::scoredAt));
      return out;
    });
  }

  @Override
  public Future<ScoredMention> find(String mentionId) {
    return redis.call(jedis -> read(jedis, mentionId));
  }

  @Override
  public Future<Map<String, ScoredMention>> findAll(List<String> mentionIds) {
    return redis.call(jedis -> {
      Map<String, ScoredMention> found = new java.util.LinkedHashMap<>();
      if (mentionIds.isEmpty()) {
        return found;
      }
      List<String> older = new ArrayList<>();
      try (AbstractPipeline pipeline = redis.pipelined(jedis)) {
        List<Response<String>> responses = new ArrayList<>();
        for (String id : mentionIds) {
          responses.add(pipeline.get(keys.mention(id)));
        }
        pipeline.sync();
        for (int i = 0; i < mentionIds.size(); i++) {
          try {
            String stored = responses.get(i).get();
            if (stored != null) {
              found.put(mentionIds.get(i), MentionCodec.scoredMention(MentionCodec.unpack(mentionIds.get(i), stored)));
            }
          } catch (redis.clients.jedis.exceptions.JedisDataException storedAsHash) {
            older.add(mentionIds.get(i)); // stored before mentions were packed (WRONGTYPE): read as a hash
          }
        }
      }
      for (String id : older) {
        ScoredMention scored = read(jedis, id);
        if (scored != null) {
          found.put(id, scored);
        }
      }
      return found;
    });
  }

  @Override
  public Future<Page> recent(Query query) {
    String index = query.brand() != null ? keys.mentionsByBrand(query.brand())
        : query.source() != null ? keys.mentionsBySource(query.source())
        : query.label() != null ? keys.mentionsByLabel(query.label().wire())
        : keys.mentionsByTime();
    return redis.call(jedis -> collect(jedis, index, query));
  }

  private Page collect(UnifiedJedis jedis, String index, Query query) {
    List<ScoredMention> found = new ArrayList<>();
    PageCursor cursor = query.after();
    for (int round = 0; round < MAX_FILTER_ROUNDS && found.size() < query.limit(); round++) {
      List<Tuple> page = SortedSetPager.page(jedis, index, cursor, query.limit());
      for (Tuple entry : page) {
        cursor = SortedSetPager.cursorAfter(entry);
        ScoredMention scored = read(jedis, entry.getElement());
        if (scored == null) {
          jedis.zrem(index, entry.getElement());
        } else if (matches(scored, query)) {
          found.add(scored);
          if (found.size() == query.limit()) {
            break;
          }
        }
      }
      if (found.size() < query.limit() && page.size() < query.limit()) {
        return new Page(found, null);
      }
    }
    return new Page(found, cursor);
  }

  private ScoredMention read(UnifiedJedis jedis, String mentionId) {
    Map<String, String> fields = storedFields(jedis, keys, mentionId);
    return fields.isEmpty() ? null : MentionCodec.scoredMention(fields);
  }

  /**
   * A stored mention's fields by their long names, empty when there is none: the packed string of today, or the hash
   * of a mention stored before mentions were packed (kept until it expires with the retention).
   */
  public static Map<String, String> storedFields(UnifiedJedis jedis, nl.webcare.store.RedisKeys keys, String mentionId) {
    try {
      String stored = jedis.get(keys.mention(mentionId));
      return stored == null ? Map.of() : MentionCodec.unpack(mentionId, stored);
    } catch (redis.clients.jedis.exceptions.JedisDataException storedAsHash) {
      return jedis.hgetAll(keys.mention(mentionId));
    }
  }

  private static boolean matches(ScoredMention scored, Query query) {
    Mention m = scored.mention();
    return (query.label() == null || query.label() == scored.sentiment().label())
        && (query.source() == null || query.source().equals(m.source()))
        && (query.brand() == null || query.brand().equals(m.brand()));
  }
}
