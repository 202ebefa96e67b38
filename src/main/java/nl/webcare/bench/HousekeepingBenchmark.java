package nl.webcare.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.webcare.config.WebcareConfig;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionDetails;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.RedisMentionStore;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;
import nl.webcare.metrics.BacklogGauges;
import nl.webcare.metrics.WebcareMetrics;
import nl.webcare.retention.Housekeeping;
import nl.webcare.store.RedisGateway;
import nl.webcare.triage.Triage;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.CaseCommand;
import nl.webcare.worklist.RedisSlaWatch;
import nl.webcare.worklist.RedisWorklist;

/**
 * {@code bench-housekeeping --sizes 10000,1000000}: whether the background jobs cost what changed or what is due, or
 * what is stored. On a redis-server of its own it stores mentions, each by its own author with its case (nine in ten
 * resolved, as a worklist holds them after a while), up to each size in turn, and at each size times the jobs that
 * run on a timer: a housekeeping sweep (trims the stream and the mention indexes, removes closed cases past their
 * retention, trims alerts), one round of the SLA watch (the due entries of each target) and the backlog gauges.
 * Nothing is due or past retention at the measured moment, so the figure is what looking costs. Median of 5 runs.
 */
public final class HousekeepingBenchmark {
  private static final int RUNS = 5;
  private static final int IN_FLIGHT = 256;

  private HousekeepingBenchmark() {}

  public static JsonObject run(List<Integer> sizes, WebcareConfig config) throws Exception {
    try (LocalServers servers = new LocalServers("webcare-housekeeping")) {
      servers.startRedis(false);
      Vertx vertx = Vertx.vertx();
      RedisGateway redis = RedisGateway.connect(vertx, servers.redisUrl(), "hk:", 16, 10_000);
      try {
        return measure(vertx, redis, config, sizes);
      } finally {
        redis.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    }
  }

  private static JsonObject measure(Vertx vertx, RedisGateway redis, WebcareConfig config, List<Integer> sizes)
      throws Exception {
    Duration retention = Duration.ofDays(90);
    RedisMentionStore mentions = new RedisMentionStore(redis, retention);
    RedisWorklist worklist = new RedisWorklist(redis, 1_000_000, config.worklist().groupingWindow(), config.sla(),
        config.worklist().teams());
    Housekeeping housekeeping = new Housekeeping(redis, retention, Duration.ofDays(30));
    RedisSlaWatch slaWatch = new RedisSlaWatch(redis, 1_000_000);
    BacklogGauges gauges = new BacklogGauges(redis, WebcareMetrics.standalone(), config.worklist().teams());
    JsonArray results = new JsonArray();
    int filled = 0;
    for (int size : sizes.stream().sorted().toList()) {
      long t0 = System.nanoTime();
      fill(mentions, worklist, filled, size);
      double fillSeconds = (System.nanoTime() - t0) / 1e9;
      filled = Math.max(filled, size);
      Instant now = Instant.now();
      long usedMemory = redis.call(j -> {
        String info = j.info("memory");
        return Long.parseLong(info.lines().filter(l -> l.startsWith("used_memory:")).findFirst().orElseThrow()
            .substring("used_memory:".length()).trim());
      }).toCompletionStage().toCompletableFuture().get();
      results.add(new JsonObject().put("stored_cases", filled).put("fill_seconds", Math.round(fillSeconds))
          .put("redis_used_memory_mb", usedMemory / (1024 * 1024))
          .put("housekeeping_sweep_ms", median(() -> housekeeping.sweep().mapEmpty()))
          .put("sla_watch_round_ms", median(() -> Future.all(RedisSlaWatch.TARGETS.stream()
              .map(t -> slaWatch.due(t, now, 500)).toList()).mapEmpty()))
          .put("backlog_gauges_ms", median(gauges::refresh))
          .put("memory", memory(redis)));
    }
    return new JsonObject().put("runs_per_figure", RUNS).put("sizes", results);
  }

  private static final int SAMPLE = 200;

  /**
   * Bytes per stored mention (MEMORY USAGE of its key over a sample of the newest; beside it the same fields stored
   * as the hash mentions were kept in before, written to a scratch key and removed) and per open case (its hash,
   * history, mention list and the pointer from its mention).
   */
  private static JsonObject memory(RedisGateway redis) throws Exception {
    return redis.call(j -> {
      var keys = redis.keys();
      long packed = 0;
      long asHash = 0;
      List<String> mentionIds = j.zrevrange(keys.mentionsByTime(), 0, SAMPLE - 1);
      for (String id : mentionIds) {
        packed += usage(j, keys.mention(id));
        String scratch = keys.mention(id) + ":as-hash";
        j.hset(scratch, RedisMentionStore.storedFields(j, keys, id));
        asHash += usage(j, scratch);
        j.del(scratch);
      }
      long cases = 0;
      List<String> caseIds = j.zrange(keys.activeCases(), 0, SAMPLE - 1);
      for (String id : caseIds) {
        String mentionId = j.hget(keys.caseHash(id), "mentionId");
        cases += usage(j, keys.caseHash(id)) + usage(j, keys.caseHistory(id)) + usage(j, keys.caseMentions(id))
            + usage(j, keys.caseByMention(mentionId));
      }
      return new JsonObject().put("sampled", mentionIds.size())
          .put("bytes_per_mention", mentionIds.isEmpty() ? 0 : packed / mentionIds.size())
          .put("bytes_per_mention_as_hash", mentionIds.isEmpty() ? 0 : asHash / mentionIds.size())
          .put("bytes_per_open_case", caseIds.isEmpty() ? 0 : cases / caseIds.size());
    }).toCompletionStage().toCompletableFuture().get();
  }

  private static long usage(redis.clients.jedis.UnifiedJedis j, String key) {
    Long bytes = j.memoryUsage(key);
    return bytes == null ? 0 : bytes;
  }

  /** Stores mentions {@code from} .. {@code to - 1}, each with its case; nine in ten of the cases resolved. */
  private static void fill(RedisMentionStore mentions, RedisWorklist worklist, int from, int to) throws Exception {
    Actor agent = new Actor("bench-agent", false);
    for (int start = from; start < to; start += IN_FLIGHT) {
      List<Future<?>> batch = new ArrayList<>();
      for (int i = start; i < Math.min(to, start + IN_FLIGHT); i++) {
        ScoredMention scored = scored(i);
        boolean resolve = i % 10 != 0;
        batch.add(mentions.save(scored, null)
            .compose(v -> worklist.file(scored, Triage.standard().decide(scored), "care"))
            .compose(f -> resolve ? worklist.apply(f.caseId(), agent, new CaseCommand.Resolve(null)).mapEmpty()
                : Future.succeededFuture()));
      }
      Future.all(batch).toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }
  }

  private static ScoredMention scored(int i) {
    String author = "hk-author-" + i;
    Mention m = new Mention(Mention.idFor("hk", "m" + i), "hk-" + (i % 4), "forum", "brand-" + (i % 20), "m" + i,
        author, null, "The delivery of order " + i + " is late again and nobody answers my mails, terrible service",
        null, Instant.now(), "en", null, null, new MentionDetails(author, (long) (i % 5000), null, null, null, 0, null));
    double score = -0.6;
    return new ScoredMention(m, new SentimentResult(SentimentLabel.NEGATIVE, score, Probabilities.fromScore(score),
        "en", List.of(), List.of("terrible:-2.1"), false), Instant.now());
  }

  private static double median(Supplier<Future<?>> job) throws Exception {
    double[] ms = new double[RUNS];
    for (int r = 0; r < RUNS; r++) {
      long t0 = System.nanoTime();
      job.get().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
      ms[r] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return Math.round(ms[RUNS / 2] * 10) / 10.0;
  }
}
