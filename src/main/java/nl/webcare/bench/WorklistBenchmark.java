package nl.webcare.bench;

import nl.webcare.access.RedisApiKeyStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.webcare.app.WebcareApp;
import nl.webcare.access.ApiKeyStore;
import nl.webcare.access.Role;
import nl.webcare.config.ConfigLoader;
import nl.webcare.config.WebcareConfig;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionDetails;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;
import nl.webcare.sentiment.SentimentAnalyzer;
import nl.webcare.triage.Triage;
import nl.webcare.worklist.RedisWorklist;

/**
 * {@code java -jar webcare.jar bench-worklist [--cases N] [--seconds S] [--connections C]}: starts Webcare under a
 * throw-away key prefix, files N open cases (a quarter on X, the rest spread over three feeds; urgencies spread
 * over the range), then drives the HTTP API with {@code wrk} (Debian package {@code wrk}): the worklist's first
 * page, a filtered first page (state and channel), the first page answered 304 to its ETag, and claims of distinct
 * cases. The three page runs are made twice: on a still worklist, and while cases are filed at 50 a second (every
 * filing changes the worklist's version, so the page cache and the 304 show what they do under real change). Beside
 * them, in the same run, {@code redis-benchmark} gives what Redis alone serves of the reads a page would make
 * (ZREVRANGE plus 50 HGETALL of case hashes, or 50 HMGET of a row's fields, pipelined), so the ratio to what Redis
 * can do is a figure too. Prints one JSON object; removes its keys afterwards.
 */
public final class WorklistBenchmark {
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern LATENCY = Pattern.compile("\\s(50|99)%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final String[] CHANNELS = {"x", "appstore", "kiyoh", "reddit"};

  private WorklistBenchmark() {}

  public static JsonObject run(int cases, int seconds, int connections, Map<String, String> environment,
      java.util.function.Function<WebcareConfig, SentimentAnalyzer> analyzerLoader) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      WebcareConfig defaults = new ConfigLoader(vertx).load(null, environment).toCompletionStage().toCompletableFuture().get();
      WebcareConfig config = PipelineBenchmark.benchConfig(defaults);
      plainNode(config); // before filling 100,000 cases, not after
      Supplier<SentimentAnalyzer> loader = () -> analyzerLoader.apply(config);
      WebcareApp app = WebcareApp.start(vertx, config, loader).toCompletionStage().toCompletableFuture().get();
      try {
        return measure(app, config, cases, seconds, connections);
      } finally {
        PipelineBenchmark.deleteKeys(app, config.redis().keyPrefix());
        app.stop().toCompletionStage().toCompletableFuture().get();
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  private static JsonObject measure(WebcareApp app, WebcareConfig config, int count, int seconds, int connections)
      throws Exception {
    RedisWorklist worklist = new RedisWorklist(app.redis(), 1_000_000, config.worklist().groupingWindow(), config.sla(),
        config.worklist().teams());
    long t0 = System.nanoTime();
    List<String> ids = fill(worklist, count);
    double fillSeconds = (System.nanoTime() - t0) / 1e9;
    String key = new RedisApiKeyStore(app.redis()).create("bench-agent", Role.AGENT, java.util.Set.of(), "bench").toCompletionStage()
        .toCompletableFuture().get().key();
    String base = "http://127.0.0.1:" + app.httpPort() + "/api/v1";
    String first = base + "/worklist?limit=50";
    String filtered = base + "/worklist?limit=50&channel=x&state=new";
    JsonArray runs = new JsonArray();
    // a run not counted first: the JIT compiles the request path, which otherwise weighs on the first figure only
    wrk("warm-up", first, key, null, Math.min(seconds, 10), connections);
    JsonObject redisAlone = redisBaseline(app, config, ids, connections);
    for (boolean churning : new boolean[] {false, true}) {
      String during = churning ? " while 50 cases a second are filed" : "";
      Churn churn = churning ? new Churn(worklist, count) : null;
      try {
        runs.add(wrk("first page (limit 50)" + during, first, key, null, seconds, connections))
            .add(wrk("filtered first page (channel=x, state=new)" + during, filtered, key, null, seconds, connections))
            .add(wrk("first page, 304 to its ETag" + during, first, key, notModifiedScript(first, key), seconds,
                connections));
      } finally {
        if (churn != null) {
          churn.close();
        }
      }
    }
    runs.add(wrk("claim a case", base, key, claimScript(ids, key), seconds, connections));
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return new JsonObject().put("open_cases", ids.size()).put("fill_seconds", Math.round(fillSeconds * 10) / 10.0)
        .put("wrk_threads", 2).put("wrk_connections", connections).put("seconds_per_run", seconds)
        .put("redis_alone", redisAlone).put("runs", runs)
        .put("heap_used_mb_after_gc", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024))
        .put("peak_rss_mb", PipelineBenchmark.peakRssMb());
  }

  /** Files {@code count} cases, 256 at a time. */
  private static List<String> fill(RedisWorklist worklist, int count) throws Exception {
    List<String> ids = new ArrayList<>(count);
    for (int start = 0; start < count; start += 256) {
      List<Future<RedisWorklist.Filing>> batch = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + 256); i++) {
        ScoredMention scored = scored(i);
        batch.add(worklist.file(scored, Triage.standard().decide(scored), "care"));
      }
      Future.all(batch).toCompletionStage().toCompletableFuture().get();
      batch.forEach(f -> ids.add(f.result().caseId()));
    }
    return ids;
  }

  /** Files a case every 20 ms on a thread of its own until closed: the worklist changing under the readers. */
  private static final class Churn implements AutoCloseable {
    private final java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    private final java.util.concurrent.atomic.AtomicInteger next;

    Churn(RedisWorklist worklist, int from) {
      next = new java.util.concurrent.atomic.AtomicInteger(from + 1_000_000);
      timer.scheduleAtFixedRate(() -> {
        ScoredMention scored = scored(next.getAndIncrement());
        worklist.file(scored, Triage.standard().decide(scored), "care");
      }, 0, 20, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }

  /**
   * What Redis alone serves of a page's reads, from {@code redis-benchmark} in this run: 50 HGETALL of case hashes
   * pipelined (plus the ZREVRANGE, counted as one more command), and 50 HMGET of a row's fields.
   */
  private static JsonObject redisBaseline(WebcareApp app, WebcareConfig config, List<String> ids, int connections)
      throws Exception {
    nl.webcare.store.RedisUrl where = plainNode(config);
    String host = where.hosts().get(0).getHost();
    String port = Integer.toString(where.hosts().get(0).getPort());
    String caseKey = app.redis().keys().caseHash(ids.get(0));
    double full = redisBenchmark(host, port, connections, "HGETALL", caseKey);
    double rows = redisBenchmark(host, port, connections, "HMGET", caseKey, "id", "channel", "author", "excerpt",
        "urgency", "triageClass", "state", "assignee", "firstResponseDue", "resolutionDue", "nextReplyDue");
    return new JsonObject().put("tool", "redis-benchmark -P 51 -c " + connections)
        .put("full_pages_per_second", Math.round(full / 51)).put("row_pages_per_second", Math.round(rows / 51))
        .put("hgetall_per_second", Math.round(full)).put("hmget_per_second", Math.round(rows));
  }

  /** The one plain Redis node redis-benchmark can be pointed at, or a clear refusal. */
  private static nl.webcare.store.RedisUrl plainNode(WebcareConfig config) {
    nl.webcare.store.RedisUrl where = config.redis().url() == null ? null
        : nl.webcare.store.RedisUrl.parse(config.redis().url());
    if (where == null || where.cluster() || where.sentinel() || where.tls() || where.password() != null) {
      throw new IllegalStateException("bench-worklist compares with redis-benchmark on the same server: set REDIS_URL"
          + " to one node, redis://host:port without a password (e.g. redis://127.0.0.1:6379)");
    }
    return where;
  }

  /** Runs a measuring tool and gives its output; says which Debian package to install when it is missing. */
  private static String run(List<String> command, String debianPackage, long waitSeconds) throws Exception {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException(command.get(0) + " is not installed (Debian: apt-get install " + debianPackage
          + ")", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(waitSeconds, TimeUnit.SECONDS);
    return output;
  }

  private static double redisBenchmark(String host, String port, int connections, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of("redis-benchmark", "-h", host, "-p", port, "-c",
        Integer.toString(connections), "-n", "300000", "-P", "51", "-q"));
    line.addAll(List.of(command));
    String output = run(line, "redis-tools", 120);
    Matcher m = Pattern.compile("([0-9.]+) requests per second").matcher(output);
    if (!m.find()) {
      throw new IllegalStateException("redis-benchmark said: " + output);
    }
    return Double.parseDouble(m.group(1));
  }

  /** A wrk script that sends the page's current ETag (asked for once per connection) in If-None-Match. */
  private static Path notModifiedScript(String url, String key) throws IOException {
    String lua = "local etag = nil\n"
        + "request = function()\n"
        + "  local h = {[\"Authorization\"] = \"Bearer " + key + "\"}\n"
        + "  if etag then h[\"If-None-Match\"] = etag end\n"
        + "  return wrk.format(\"GET\", nil, h, nil)\n"
        + "end\n"
        + "response = function(status, headers, body)\n"
        + "  if headers[\"ETag\"] then etag = headers[\"ETag\"] end\n"
        + "  if headers[\"etag\"] then etag = headers[\"etag\"] end\n"
        + "end\n";
    Path file = Files.createTempFile("webcare-etag", ".lua");
    Files.writeString(file, lua, StandardCharsets.UTF_8);
    file.toFile().deleteOnExit();
    return file;
  }

  private static ScoredMention scored(int i) {
    String channel = CHANNELS[i % CHANNELS.length];
    String author = "bench-author-" + i;
    Mention m = new Mention(Mention.idFor("bench", "c" + i), "bench-" + channel, channel, "benchbrand", "c" + i, author,
        null, "The service is terrible, case " + i, null, Instant.now().minusSeconds(i % 86_400), "en", null, null,
        new MentionDetails(author, (long) (i % 50_000), null, null, null, i % 100, null));
    double score = -0.3 - (i % 7) / 10.0;
    SentimentResult sentiment = new SentimentResult(SentimentLabel.NEGATIVE, score, Probabilities.fromScore(score), "en",
        List.of(), List.of(), false);
    return new ScoredMention(m, sentiment, Instant.now());
  }

  private static Path claimScript(List<String> ids, String key) throws IOException {
    StringBuilder lua = new StringBuilder("local ids = {");
    for (String id : ids) {
      lua.append('"').append(id).append("\",");
    }
    lua.append("}\nlocal i = 0\n")
        .append("init = function(args) math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16)) i = math.random(1, #ids) end\n")
        .append("request = function()\n  i = (i % #ids) + 1\n")
        .append("  return wrk.format(\"POST\", wrk.path .. \"/cases/\" .. ids[i] .. \"/claim\", ")
        .append("{[\"Authorization\"] = \"Bearer ").append(key).append("\"}, \"\")\nend\n");
    Path file = Files.createTempFile("webcare-claims", ".lua");
    Files.writeString(file, lua.toString(), StandardCharsets.UTF_8);
    file.toFile().deleteOnExit();
    return file;
  }

  private static JsonObject wrk(String name, String url, String key, Path script, int seconds, int connections)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
        "-H", "Authorization: Bearer " + key));
    if (script != null) {
      command.addAll(List.of("-s", script.toString()));
    }
    command.add(url);
    String output = run(command, "wrk", seconds + 30L);
    JsonObject result = new JsonObject().put("name", name);
    Matcher rate = RATE.matcher(output);
    result.put("requests_per_second", rate.find() ? Double.parseDouble(rate.group(1)) : null);
    Matcher latency = LATENCY.matcher(output);
    while (latency.find()) {
      result.put("p" + latency.group(1) + "_ms", millis(Double.parseDouble(latency.group(2)), latency.group(3)));
    }
    Matcher errors = NON_2XX.matcher(output);
    result.put("non_2xx", errors.find() ? Long.parseLong(errors.group(1)) : 0);
    return result;
  }

  private static double millis(double value, String unit) {
    double ms = switch (unit) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
    return Math.round(ms * 100) / 100.0;
  }
}
