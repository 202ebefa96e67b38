package nl.webcare.privacy;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.webcare.mention.AuthorKey;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.MentionStore;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import nl.webcare.worklist.CaseDetails;
import nl.webcare.worklist.CaseRemoval;
import nl.webcare.worklist.Worklist;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * An author's personal data in Redis: reading their history, and erasing it everywhere on request
 * (mentions and their indexes, the inbox and dead-letter streams, their cases, their mentions in other
 * people's cases with their survey answers and recovery figures, the team's labels of their mentions, alerts about them, the author indexes and the
 * marker that they were asked for a survey). The dedup markers stay: they hold only a
 * hash of source and post id, and they stop the same posts from being imported again.
 */
public final class RedisAuthorRecords implements AuthorRecords {
  private static final int HISTORY_LIMIT = 200;
  private final RedisGateway redis;
  private final RedisKeys keys;
  private final MentionStore mentions;
  private final Worklist worklist;

  public RedisAuthorRecords(RedisGateway redis, MentionStore mentions, Worklist worklist) {
    this.redis = redis;
    this.keys = redis.keys();
    this.mentions = mentions;
    this.worklist = worklist;
  }

  /** What the author indexes hold, read in one go. */
  private record Indexed(String key, List<String> mentionIds, List<String> caseIds, Map<String, Long> otherChannels) {}

  @Override
  public Future<AuthorHistory> history(String channel, String handle) {
    String key = AuthorKey.of(channel, handle);
    return redis.call(jedis -> {
      Map<String, Long> others = new LinkedHashMap<>();
      for (String other : jedis.smembers(keys.handleChannels(AuthorKey.handle(key)))) {
        if (!other.equals(channel)) {
          others.put(other, jedis.zcard(keys.authorMentions(AuthorKey.of(other, handle))));
        }
      }
      return new Indexed(key, List.copyOf(jedis.zrevrange(keys.authorMentions(key), 0, HISTORY_LIMIT - 1)),
          List.copyOf(jedis.smembers(keys.authorCases(key))), others);
    }).compose(this::load);
  }

  private Future<AuthorHistory> load(Indexed found) {
    if (found.mentionIds().isEmpty() && found.caseIds().isEmpty()) {
      return Future.succeededFuture(null);
    }
    return mentions.findAll(found.mentionIds()).compose(byId -> cases(found.caseIds()).map(cases -> {
      List<ScoredMention> ordered = found.mentionIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
      return new AuthorHistory(found.key(), ordered, cases, found.otherChannels());
    }));
  }

  private Future<List<CaseDetails>> cases(List<String> caseIds) {
    List<Future<CaseDetails>> all = caseIds.stream().map(worklist::details).toList();
    return Future.all(all).map(done -> all.stream().map(Future::result).filter(java.util.Objects::nonNull)
        .sorted(java.util.Comparator.comparing((CaseDetails d) -> d.current().openedAt()).reversed()).toList());
  }

  /** Erases the author everywhere and says what was removed. Idempotent: a second run removes nothing. */
  @Override
  public Future<ErasureReport> erase(String channel, String handle) {
    String key = AuthorKey.of(channel, handle);
    return redis.call(jedis -> eraseNow(jedis, key, channel));
  }

  private ErasureReport eraseNow(UnifiedJedis jedis, String key, String channel) {
    Set<String> mentionIds = new HashSet<>(jedis.zrange(keys.authorMentions(key), 0, -1));
    Set<String> ownCases = new HashSet<>(jedis.smembers(keys.authorCases(key)));
    // a mention may sit in a case opened by someone else (same conversation): take it out of that case
    int leftElsewhere = 0;
    for (String mentionId : mentionIds) {
      String caseId = jedis.get(keys.caseByMention(mentionId));
      if (caseId != null && !ownCases.contains(caseId)) {
        leftElsewhere += (int) jedis.lrem(keys.caseMentions(caseId), 0, mentionId);
        jedis.del(keys.caseByMention(mentionId));
      }
    }
    int cases = 0;
    for (String caseId : ownCases) {
      mentionIds.addAll(jedis.lrange(keys.caseMentions(caseId), 0, -1).stream()
          .filter(id -> key.equals(authorOf(jedis, id))).toList());
      if (CaseRemoval.remove(redis, jedis, caseId)) {
        cases++;
      }
    }
    int removedMentions = 0;
    for (String mentionId : mentionIds) {
      removedMentions += removeMention(jedis, mentionId);
    }
    int inbox = removeStreamEntries(jedis, keys.mentionStream(), e -> mentionIds.contains(e.getFields().get("id")))
        + removeStreamEntries(jedis, keys.deadLetterStream(), e -> mentionIds.contains(e.getFields().get("id")));
    int alerts = removeStreamEntries(jedis, keys.alertStream(), e -> mentionIds.contains(e.getFields().get("mentionId"))
        || ownCases.contains(e.getFields().get("caseId")));
    // the survey marker (by a hash of the key) goes too: an erased customer is a stranger to Webcare
    long indexKeys = jedis.del(keys.authorMentions(key), keys.authorCases(key), keys.caseByAuthor(key),
        keys.surveyAsked(key));
    String handleKey = keys.handleChannels(AuthorKey.handle(key));
    indexKeys += jedis.srem(handleKey, channel);
    return new ErasureReport(key, removedMentions, cases, leftElsewhere, inbox, alerts, (int) indexKeys);
  }

  private String authorOf(UnifiedJedis jedis, String mentionId) {
    Map<String, String> f = nl.webcare.mention.RedisMentionStore.storedFields(jedis, keys, mentionId);
    String who = f.get("authorHandle") != null ? f.get("authorHandle") : f.get("author");
    return f.get("channel") == null || who == null ? null : AuthorKey.of(f.get("channel"), who);
  }

  /** Deletes the team's labels of a mention (they hold its text), taking them off the counts and indexes. */
  private void removeLabels(UnifiedJedis jedis, String mentionId) {
    for (String task : List.of("needs-reply", "sentiment")) {
      String key = keys.teamLabel(mentionId, task);
      List<String> f = jedis.hmget(key, "brand", "language", "value");
      if (f.get(2) != null) {
        String group = f.get(0) + "|" + f.get(1) + "|" + task;
        jedis.hincrBy(keys.teamLabelCounts(), group + "|" + f.get(2), -1);
        jedis.zrem(keys.teamLabelIndex(group), mentionId);
        jedis.del(key);
      }
    }
  }

  /** Deletes a stored mention and its index entries; 1 when it was stored. */
  private int removeMention(UnifiedJedis jedis, String mentionId) {
    removeLabels(jedis, mentionId);
    Map<String, String> stored = nl.webcare.mention.RedisMentionStore.storedFields(jedis, keys, mentionId);
    String source = stored.get("source");
    String brand = stored.get("brand");
    // the body first (a key of its own slot), then its index entries together (the {mentions} slot)
    long removed = jedis.del(keys.mention(mentionId));
    try (var tx = redis.multi(jedis, keys.mentionsByTime())) {
      tx.zrem(keys.mentionsByTime(), mentionId);
      for (SentimentLabel label : SentimentLabel.values()) {
        tx.zrem(keys.mentionsByLabel(label.wire()), mentionId);
      }
      if (source != null) {
        tx.zrem(keys.mentionsBySource(source), mentionId);
      }
      if (brand != null) {
        tx.zrem(keys.mentionsByBrand(brand), mentionId);
      }
      tx.exec();
      return removed == 1 ? 1 : 0;
    }
  }

  /** XDELs the entries of a stream that match; streams are kept short by housekeeping, so a full read is fine. */
  private static int removeStreamEntries(UnifiedJedis jedis, String stream, java.util.function.Predicate<StreamEntry> match) {
    List<StreamEntryID> doomed = new ArrayList<>();
    StreamEntryID from = StreamEntryID.MINIMUM_ID;
    while (true) {
      List<StreamEntry> batch = jedis.xrange(stream, from, StreamEntryID.MAXIMUM_ID, 1000);
      for (StreamEntry entry : batch) {
        if (match.test(entry)) {
          doomed.add(entry.getID());
        }
      }
      if (batch.size() < 1000) {
        break;
      }
      StreamEntryID last = batch.get(batch.size() - 1).getID();
      from = new StreamEntryID(last.getTime(), last.getSequence() + 1);
    }
    return doomed.isEmpty() ? 0 : (int) jedis.xdel(stream, doomed.toArray(StreamEntryID[]::new));
  }
}
