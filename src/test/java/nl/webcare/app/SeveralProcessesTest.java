package nl.webcare.app;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.webcare.connector.push.RequestSignature;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.LightWebcareMain;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;

/**
 * Three Webcare processes on one Redis, as a deployment with replicas runs: pushes go to all three, a feed is polled,
 * and one process is killed with SIGKILL halfway. Every mention is stored and counted once, every complaint has
 * exactly one case, the feed is polled by one process at a time, and two agents claiming the same case through two
 * processes get one claim between them.
 */
class SeveralProcessesTest {
  private static final String SECRET = "form-secret-0123456789abcdef";
  private static final int PUSHES = 60;
  private static final int FEED_ITEMS = 20;
  /** How long the fake feed takes to answer: long enough that two polls at once would overlap in its log. */
  private static final int FEED_DELAY_MS = 200;
  private final String prefix = TestRedis.newPrefix();
  private final WireMockServer remote = new WireMockServer(wireMockConfig().dynamicPort());
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    remote.stop();
    TestRedis.cleanup(prefix);
  }

  @Test
  void threeProcessesShareTheWorkAndAKilledOneLosesNothing() throws Exception {
    // GIVEN a push source and a feed of 20 posts, and three processes
    remote.start();
    remote.stubFor(get(urlPathEqualTo("/forum.rss")).willReturn(aResponse().withFixedDelay(FEED_DELAY_MS)
        .withHeader("Content-Type", "application/rss+xml").withBody(feed())));
    Path connectors = Files.createTempDirectory("webcare-several");
    Files.writeString(connectors.resolve("form.yaml"), "name: form\ntype: push\nbrand: acme\nchannel: form\n"
        + "language: en\nsecretEnv: FORM_SECRET\nratePerMinute: 100000\n");
    Files.writeString(connectors.resolve("forum.yaml"), "name: forum\ntype: feed\nbrand: acme\npollInterval: 300ms\n"
        + "url: http://127.0.0.1:" + remote.port() + "/forum.rss\n");
    List<ApiClient> api = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      api.add(new ApiClient(start(connectors)));
    }

    // WHEN complaints are pushed to all three, and the third is killed halfway
    List<String> mentionIds = new ArrayList<>();
    for (int i = 0; i < PUSHES; i++) {
      if (i == PUSHES / 2) {
        processes.get(2).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      ApiClient to = api.get(i < PUSHES / 2 ? i % 3 : i % 2);
      mentionIds.add(push(to, i));
    }

    // THEN every mention is stored and taken off the stream (what the killed one held is taken over)
    try (UnifiedJedis redis = TestRedis.client()) {
      Await.until("every mention is stored and acknowledged", Duration.ofSeconds(90), () ->
          redis.zcard(new RedisKeys(prefix).mentionsByTime()) == PUSHES + FEED_ITEMS
              && redis.xpending(new RedisKeys(prefix).mentionStream(), "scorers").getTotal() == 0);
      assertThat(redis.xlen(new RedisKeys(prefix).deadLetterStream())).isZero();
      // AND every complaint has exactly one case, and one case.opened alert
      Await.until("every complaint has its case", Duration.ofSeconds(30), () -> caseMentions(redis).size() == PUSHES);
      java.util.Map<String, String> cased = caseMentions(redis);
      assertThat(new HashSet<>(cased.values())).hasSize(PUSHES).containsExactlyInAnyOrderElementsOf(mentionIds);
      long opened = redis.xrange(new RedisKeys(prefix).alertStream(), (redis.clients.jedis.StreamEntryID) null, null).stream()
          .filter(e -> "case.opened".equals(e.getFields().get("type")) && cased.containsKey(e.getFields().get("caseId")))
          .count();
      assertThat(opened).isEqualTo(PUSHES);
    }
    // AND every mention is counted once in the marketing figures
    JsonObject total = api.get(0).get("/api/v1/analytics/sentiment?brand=acme&interval=day").json()
        .getJsonObject("total");
    assertThat(total.getLong("total")).isEqualTo(PUSHES + FEED_ITEMS);

    // AND the feed was polled by one process at a time: no poll began before the one before it had its answer
    List<LoggedRequest> polls = new ArrayList<>(remote.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/forum.rss"))));
    polls.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
    assertThat(polls.size()).isGreaterThan(1);
    for (int i = 1; i < polls.size(); i++) {
      long gap = polls.get(i).getLoggedDate().getTime() - polls.get(i - 1).getLoggedDate().getTime();
      assertThat(gap).as("poll %d began %d ms after the one before", i, gap).isGreaterThanOrEqualTo(FEED_DELAY_MS);
    }

    // AND two agents claiming the same cases through two processes at once get one claim each case
    String annKey = api.get(0).newKey("ann", "agent", "care");
    String bobKey = api.get(0).newKey("bob", "agent", "care");
    ApiClient ann = api.get(0).withKey(annKey);
    ApiClient bob = api.get(1).withKey(bobKey);
    List<String> cases = new ArrayList<>();
    api.get(0).get("/api/v1/worklist?limit=10&state=new").json().getJsonArray("items")
        .forEach(o -> cases.add(((JsonObject) o).getString("id")));
    assertThat(cases).hasSize(10);
    for (String id : cases) {
      CompletableFuture<ApiClient.Answer> first = ann.postAsync("/api/v1/cases/" + id + "/claim", "{}");
      CompletableFuture<ApiClient.Answer> second = bob.postAsync("/api/v1/cases/" + id + "/claim", "{}");
      List<Integer> statuses = List.of(ApiClient.await(first).status(), ApiClient.await(second).status());
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    }
  }

  /** Starts a process and waits for its port. */
  private int start(Path connectors) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), LightWebcareMain.class.getName(), prefix,
        connectors.toString()).redirectErrorStream(true);
    builder.environment().put("FORM_SECRET", SECRET);
    builder.environment().put("REDIS_URL", TestRedis.url());
    Process process = builder.start();
    processes.add(process);
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("READY ")) {
            int p = Integer.parseInt(line.substring(6).trim());
            Thread drain = new Thread(() -> drain(out), "webcare-child-output"); // the pipe must not fill up
            drain.setDaemon(true);
            drain.start();
            return p;
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      throw new IllegalStateException("a Webcare process ended before it was ready");
    });
    return port.get(120, TimeUnit.SECONDS);
  }

  private static void drain(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // read and dropped
      }
    } catch (java.io.IOException ended) {
      // the process is gone
    }
  }

  private static String push(ApiClient to, int i) {
    byte[] body = new JsonObject().put("externalId", "several-" + i)
        .put("text", "Terrible service, my order " + i + " never arrived and nobody answers")
        .put("author", new JsonObject().put("name", "Customer " + i).put("handle", "customer-" + i)).encode()
        .getBytes(StandardCharsets.UTF_8);
    ApiClient.Answer accepted = to.post("/api/v1/ingest/form", body, RequestSignature.HEADER,
        RequestSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), body));
    assertThat(accepted.status()).isEqualTo(202);
    return accepted.json().getString("id");
  }

  /** The opening mention of every case by case id (incident cases of the spike detector left out). */
  private java.util.Map<String, String> caseMentions(UnifiedJedis redis) {
    java.util.Map<String, String> mentions = new java.util.HashMap<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      var page = redis.scan(cursor, new ScanParams().match(new RedisKeys(prefix).caseHash("WC-*")).count(1000));
      for (String key : page.getResult()) {
        String id = new RedisKeys(prefix).caseIdOf(key);
        if (id != null && !"spike-detector".equals(redis.hget(key, "source"))) {
          mentions.put(id, redis.hget(key, "mentionId"));
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return mentions;
  }

  /** An RSS feed of 20 forum posts published in the last hour. */
  private static String feed() {
    StringBuilder items = new StringBuilder();
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    for (int i = 0; i < FEED_ITEMS; i++) {
      items.append("<item><title>Post ").append(i).append("</title><link>https://forum.test/t/").append(i)
          .append("</link><guid isPermaLink=\"false\">post-").append(i).append("</guid><pubDate>")
          .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusMinutes(i))).append("</pubDate>")
          .append("<description>Picked up the new Acme catalogue at the station today, number ").append(i)
          .append("</description></item>");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Forum</title>"
        + "<link>https://forum.test/</link><description>Posts</description>" + items + "</channel></rss>";
  }
}
