package nl.webcare.bench;

import nl.webcare.inbox.RedisMentionInbox;
import nl.webcare.evaluation.LabelledTexts;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import nl.webcare.app.WebcareApp;
import nl.webcare.config.ConfigLoader;
import nl.webcare.config.WebcareConfig;
import nl.webcare.mention.Mention;
import nl.webcare.sentiment.SentimentAnalyzer;
import nl.webcare.inbox.MentionInbox;
import nl.webcare.store.RedisKeys;

/**
 * {@code java -jar webcare.jar benchmark FILE.tsv [--count N]}: starts Webcare (embedded Redis, or
 * {@code REDIS_URL}) under a throw-away key prefix, appends N texts of a data-set file to the inbox and
 * measures how fast the whole pipeline (stream, CoreNLP, mention store, worklist, alerts) gets through
 * them. Prints one JSON object; removes its keys afterwards.
 */
public final class PipelineBenchmark {
  private PipelineBenchmark() {}

  public static JsonObject run(Path file, int count, Map<String, String> environment,
      java.util.function.Function<WebcareConfig, SentimentAnalyzer> analyzerLoader) throws Exception {
    return run(file, count, environment, analyzerLoader, true);
  }

  /**
   * The same, with the marketing counting on or off: the benchmark's mentions come from a source named
   * {@code benchmark} read for care and listening ({@code both}, counted) or for care only (not counted), so that
   * one invocation can measure what the counting costs.
   */
  public static JsonObject run(Path file, int count, Map<String, String> environment,
      java.util.function.Function<WebcareConfig, SentimentAnalyzer> analyzerLoader, boolean counting)
      throws Exception {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read " + file);
    }
    List<LabelledTexts.Row> rows = LabelledTexts.read(file, count);
    long processStart = System.nanoTime();
    Vertx vertx = Vertx.vertx();
    Path connectors = Files.createTempDirectory("webcare-bench-connectors");
    Files.writeString(connectors.resolve("benchmark.yaml"), "name: benchmark\ntype: push\nbrand: benchmark\n"
        + "secretEnv: WEBCARE_BENCH_SECRET\npurpose: " + (counting ? "both" : "care") + "\n");
    Map<String, String> env = new java.util.HashMap<>(environment);
    env.put("WEBCARE_BENCH_SECRET", UUID.randomUUID().toString());
    try {
      WebcareConfig defaults = new ConfigLoader(vertx).load(null, environment).toCompletionStage().toCompletableFuture().get();
      WebcareConfig base = benchConfig(defaults);
      WebcareConfig config = new WebcareConfig(base.http(), base.redis(), new WebcareConfig.Connectors(
          connectors.toString(), base.connectors().requestTimeoutMs(), base.connectors().maxFeedBytes(),
          base.connectors().retryMax(), base.connectors().lease()), base.scoring(), base.retention(), base.demo(),
          base.worklist(), base.sla(), base.auth(), base.background(), base.outbound(), base.delivery(), base.spikes(), base.service(), base.learning());
      Supplier<SentimentAnalyzer> loader = () -> analyzerLoader.apply(config);
      WebcareApp app = WebcareApp.start(vertx, config, loader, env).toCompletionStage().toCompletableFuture().get();
      long startupMs = (System.nanoTime() - processStart) / 1_000_000;
      try {
        return measure(app, config, rows, startupMs).put("counting", counting);
      } finally {
        deleteKeys(app, config.redis().keyPrefix());
        app.stop().toCompletionStage().toCompletableFuture().get();
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  private static JsonObject measure(WebcareApp app, WebcareConfig config, List<LabelledTexts.Row> rows, long startupMs)
      throws Exception {
    List<Mention> mentions = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      LabelledTexts.Row row = rows.get(i);
      String externalId = row.id() + "#" + i;
      mentions.add(Mention.ofText("benchmark", externalId, row.text()));
    }
    MentionInbox inbox = new RedisMentionInbox(app.redis(), config.retention().mentions());
    long t0 = System.nanoTime();
    inbox.append(mentions).toCompletionStage().toCompletableFuture().get();
    long appendedNs = System.nanoTime() - t0;
    String index = app.redis().keys().mentionsByTime();
    long stored = 0;
    while (stored < mentions.size()) {
      Thread.sleep(100);
      stored = app.redis().call(jedis -> jedis.zcard(index)).toCompletionStage().toCompletableFuture().get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long cases = app.redis().call(jedis -> jedis.zcard(app.redis().keys().activeCases()))
        .toCompletionStage().toCompletableFuture().get();
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return new JsonObject()
        .put("mentions", mentions.size())
        .put("scoring_workers", config.scoring().workers())
        .put("startup_ms", startupMs)
        .put("append_ms", appendedNs / 1_000_000)
        .put("pipeline_seconds", Math.round(seconds * 100) / 100.0)
        .put("mentions_per_second", Math.round(mentions.size() / seconds * 10) / 10.0)
        .put("cases_opened", cases)
        .put("heap_used_mb_after_gc", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024))
        .put("heap_max_mb", runtime.maxMemory() / (1024 * 1024))
        .put("peak_rss_mb", peakRssMb());
  }

  static WebcareConfig benchConfig(WebcareConfig c) {
    return new WebcareConfig(new WebcareConfig.Http("127.0.0.1", 0, c.http().maxBodyBytes()),
        new WebcareConfig.Redis(c.redis().url(), "webcare-bench:" + UUID.randomUUID().toString().substring(0, 8) + ":",
            c.redis().embeddedDataDir(), c.redis().poolSize(), c.redis().timeoutMs()),
        new WebcareConfig.Connectors("/nonexistent-webcare-bench-connectors", c.connectors().requestTimeoutMs(),
            c.connectors().maxFeedBytes(), c.connectors().retryMax(), c.connectors().lease()),
        c.scoring(), c.retention(), new WebcareConfig.Demo(false, 0, c.demo().pollInterval()), c.worklist(), c.sla(), c.auth(),
        c.background(), c.outbound(), c.delivery(), c.spikes(), c.service(), c.learning());
  }

  static void deleteKeys(WebcareApp app, String prefix) throws Exception {
    app.redis().call(jedis -> RedisKeys.deleteUnderPrefix(jedis, prefix)).toCompletionStage().toCompletableFuture().get();
  }

  /** Peak resident memory of this process (Linux), or -1 elsewhere. */
  static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }
}
