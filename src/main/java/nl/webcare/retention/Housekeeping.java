package nl.webcare.retention;

import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import io.vertx.core.Future;
import java.time.Duration;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamPendingSummary;

/**
 * Keeps Redis from growing without bound: drops inbox messages that every scorer is done with, and
 * index entries of mentions past retention (their hashes expire by themselves). Safe to run from
 * several processes at once; each step only removes what nobody needs any more.
 */
public final class Housekeeping {
  private final RedisGateway redis;
  private final RedisKeys keys;
  private final Duration retention;
  private final Duration closedCaseRetention;

  public Housekeeping(RedisGateway redis, Duration retention, Duration closedCaseRetention) {
    this.redis = redis;
    this.keys = redis.keys();
    this.retention = retention;
    this.closedCaseRetention = closedCaseRetention;
  }

  /** What one sweep removed. */
  public record Sweep(long streamEntries, long indexEntries, long closedCases, long alerts) {}

  public Future<Sweep> sweep() {
    return redis.call(jedis -> new Sweep(trimScoredMessages(jedis), dropExpiredIndexEntries(jedis),
        removeOldClosedCases(jedis), trimOldAlerts(jedis)));
  }

  /** Resolved and dismissed cases past their retention go, with their notes, replies and history. */
  private long removeOldClosedCases(UnifiedJedis jedis) {
    long before = System.currentTimeMillis() - closedCaseRetention.toMillis();
    long removed = 0;
    for (String caseId : jedis.zrangeByScore(keys.closedCases(), 0, before, 0, 1000)) {
      removed += nl.webcare.worklist.CaseRemoval.remove(redis, jedis, caseId) ? 1 : 0;
    }
    return removed;
  }

  /** Alerts carry excerpts and author names: they are kept no longer than mentions. */
  private long trimOldAlerts(UnifiedJedis jedis) {
    if (!jedis.exists(keys.alertStream())) {
      return 0;
    }
    long oldest = System.currentTimeMillis() - retention.toMillis();
    return jedis.xtrim(keys.alertStream(), XTrimParams.xTrimParams().minId(oldest + "-0"));
  }

  /**
   * Trims the inbox below the oldest message still pending, or below the last one handed out when none is
   * pending: everything older has been acknowledged. Deduplication does not need the stream (it has its
   * own markers), so nothing that matters is lost.
   */
  private long trimScoredMessages(UnifiedJedis jedis) {
    if (!jedis.exists(keys.mentionStream())) {
      return 0;
    }
    StreamEntryID keepFrom = null;
    for (StreamGroupInfo group : jedis.xinfoGroups(keys.mentionStream())) {
      if (RedisKeys.SCORER_GROUP.equals(group.getName())) {
        keepFrom = group.getLastDeliveredId();
      }
    }
    if (keepFrom == null) {
      return 0;
    }
    StreamPendingSummary pending = jedis.xpending(keys.mentionStream(), RedisKeys.SCORER_GROUP);
    if (pending.getTotal() > 0 && pending.getMinId() != null && pending.getMinId().compareTo(keepFrom) < 0) {
      keepFrom = pending.getMinId();
    }
    return jedis.xtrim(keys.mentionStream(), XTrimParams.xTrimParams().minId(keepFrom.toString()));
  }

  /**
   * Trims the mention indexes named in {@link RedisKeys#mentionIndexes()}: work that grows with the number of
   * brands, sources and labels, not with the keyspace. A store written before the registry existed gets it built
   * once, by one SCAN, marked done in its own key. Authors' indexes trim themselves as they grow and expire with their newest mention.
   */
  private long dropExpiredIndexEntries(UnifiedJedis jedis) {
    String oldest = Long.toString(System.currentTimeMillis() - retention.toMillis());
    String scanned = keys.mentionIndexes() + ":scanned";
    if (!jedis.exists(scanned)) {
      registerIndexesOnce(jedis); // indexes written before the registry existed (or before an upgrade)
      jedis.set(scanned, Long.toString(System.currentTimeMillis()));
    }
    long removed = 0;
    for (String index : jedis.smembers(keys.mentionIndexes())) {
      removed += jedis.zremrangeByScore(index, "-inf", "(" + oldest);
      if (!jedis.exists(index)) {
        jedis.srem(keys.mentionIndexes(), index);
      }
    }
    return removed;
  }

  private void registerIndexesOnce(UnifiedJedis jedis) {
    RedisGateway.scanKeys(jedis, keys.mentionIndexPattern(),
        page -> jedis.sadd(keys.mentionIndexes(), page.toArray(String[]::new)));
  }
}
