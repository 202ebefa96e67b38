package nl.webcare.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.webcare.analytics.MarketingCounts;
import nl.webcare.analytics.RedisMarketingCounts;
import nl.webcare.config.WebcareConfig;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionCount;
import nl.webcare.mention.MentionDetails;
import nl.webcare.mention.MentionStore;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.RedisMentionStore;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;
import nl.webcare.mention.TriageClass;
import nl.webcare.store.RedisGateway;
import nl.webcare.triage.Triage;
import nl.webcare.worklist.CaseQuery;
import nl.webcare.worklist.RedisWorklist;

/**
 * {@code bench-cluster}: what the Redis Cluster layout costs and gives, one node against a cluster of three masters,
 * each of its own redis-server processes on this machine, through Webcare's own stores. For each it fills the same
 * mentions (spread over brands, every fourth filed as a case), then keeps {@code connections} calls in flight for a
 * while of each kind and reports calls per second and latency:
 * <ul>
 *   <li>store: a mention saved with its counts (body, indexes and counts lie in three slots of a cluster);</li>
 *   <li>mention page: the newest 50 mentions (their index lies in one slot, their bodies on every master: the
 *       merge of per-slot results this layout asks for);</li>
 *   <li>share of voice: a month of daily counts of every brand (each brand in its own slot), read in parallel and
 *       merged;</li>
 *   <li>worklist page: the first 50 active cases (one slot, the same work as on one node).</li>
 * </ul>
 * On two cores three redis-servers share the cores the benchmark runs on, so the figure is what the layout costs in
 * round trips and merging, not what more machines would give.
 */
public final class ClusterBenchmark {
  private static final int IN_FLIGHT_FILL = 128;

  private ClusterBenchmark() {}

  public static JsonObject run(int mentions, int brands, int seconds, int connections, WebcareConfig config)
      throws Exception {
    JsonArray setups = new JsonArray();
    for (boolean clustered : List.of(false, true)) {
      try (LocalServers servers = new LocalServers("webcare-cluster-bench")) {
        String url;
        if (clustered) {
          url = "redis-cluster://127.0.0.1:" + servers.startCluster(3, 0).get(0);
        } else {
          servers.startRedis(false);
          url = servers.redisUrl();
        }
        Vertx vertx = Vertx.vertx();
        RedisGateway redis = RedisGateway.connect(vertx, url, "cb:", 16, 10_000);
        try {
          setups.add(measure(redis, config, mentions, brands, seconds, connections)
              .put("redis", clustered ? "cluster of 3 masters" : "one node"));
        } finally {
          redis.close();
          vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
      }
    }
    return new JsonObject().put("mentions", mentions).put("brands", brands).put("seconds_per_figure", seconds)
        .put("connections", connections).put("setups", setups);
  }

  private static JsonObject measure(RedisGateway redis, WebcareConfig config, int mentions, int brands, int seconds,
      int connections) throws Exception {
    RedisMentionStore store = new RedisMentionStore(redis, Duration.ofDays(90));
    RedisWorklist worklist = new RedisWorklist(redis, 1_000_000, config.worklist().groupingWindow(), config.sla(),
        config.worklist().teams());
    RedisMarketingCounts counts = new RedisMarketingCounts(redis, ZoneId.of("Europe/Amsterdam"));
    long t0 = System.nanoTime();
    for (int start = 0; start < mentions; start += IN_FLIGHT_FILL) {
      List<Future<?>> batch = new ArrayList<>();
      for (int i = start; i < Math.min(mentions, start + IN_FLIGHT_FILL); i++) {
        ScoredMention scored = scored(i, brands);
        Future<Void> saved = store.save(scored, MentionCount.of(scored, TriageClass.COMPLAINT));
        batch.add(i % 4 == 0 ? saved.compose(v -> worklist.file(scored, Triage.standard().decide(scored), "care"))
            : saved);
      }
      Future.all(batch).toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
    }
    double fillSeconds = (System.nanoTime() - t0) / 1e9;
    AtomicInteger next = new AtomicInteger(mentions);
    Instant to = Instant.now();
    Instant from = to.minus(Duration.ofDays(30));
    List<String> brandNames = new ArrayList<>();
    for (int b = 0; b < brands; b++) {
      brandNames.add(brand(b));
    }
    return new JsonObject().put("fill_mentions_per_second", Math.round(mentions / fillSeconds))
        .put("store_mention", closedLoop(seconds, connections, () -> {
          ScoredMention scored = scored(next.getAndIncrement(), brands);
          return store.save(scored, MentionCount.of(scored, TriageClass.COMPLAINT));
        }))
        .put("mention_page_50", closedLoop(seconds, connections,
            () -> store.recent(new MentionStore.Query(null, null, null, 50, null))))
        .put("share_of_voice_" + brands + "_brands_30_days", closedLoop(seconds, connections,
            () -> Future.all(brandNames.stream().map(b -> counts.series(new MarketingCounts.Query(b, null, null, from,
                to, MarketingCounts.Interval.DAY))).toList())))
        .put("worklist_page_50", closedLoop(seconds, connections, () -> worklist.cases(CaseQuery.ACTIVE, 50, null)));
  }

  /**
   * Keeps {@code connections} calls in flight for {@code seconds}: each caller starts its next call when its last one
   * answers. Calls per second and latency percentiles (ms) over every call that ended in time.
   */
  private static JsonObject closedLoop(int seconds, int connections, Supplier<Future<?>> call) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    List<CompletableFuture<Void>> callers = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      callers.add(done);
      loop(call, end, latencies, failures, done);
    }
    CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(seconds + 120L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return new JsonObject().put("calls_per_second", Math.round(sorted.length / elapsed))
        .put("p50_ms", percentile(sorted, 0.50)).put("p99_ms", percentile(sorted, 0.99))
        .put("failures", failures.get());
  }

  private static void loop(Supplier<Future<?>> call, long end, List<Long> latencies, AtomicInteger failures,
      CompletableFuture<Void> done) {
    if (System.nanoTime() >= end) {
      done.complete(null);
      return;
    }
    long t0 = System.nanoTime();
    call.get().onComplete(result -> {
      if (result.succeeded()) {
        latencies.add(System.nanoTime() - t0);
      } else {
        failures.incrementAndGet();
      }
      loop(call, end, latencies, failures, done);
    });
  }

  private static double percentile(long[] sortedNanos, double q) {
    if (sortedNanos.length == 0) {
      return 0;
    }
    long nanos = sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(q * sortedNanos.length) - 1)];
    return Math.round(nanos / 1e4) / 100.0;
  }

  private static String brand(int b) {
    return "brand-" + b;
  }

  private static ScoredMention scored(int i, int brands) {
    String author = "cb-author-" + i;
    Mention m = new Mention(Mention.idFor("cb", "m" + i), "cb-" + (i % 4), "forum", brand(i % brands), "m" + i,
        author, null, "The delivery of order " + i + " is late again and nobody answers my mails, terrible service",
        null, Instant.now(), "en", null, null, new MentionDetails(author, (long) (i % 5000), null, null, null, 0, null));
    double score = -0.6;
    return new ScoredMention(m, new SentimentResult(SentimentLabel.NEGATIVE, score, Probabilities.fromScore(score),
        "en", List.of(), List.of("terrible:-2.1"), false), Instant.now());
  }
}
