package nl.webcare.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.webcare.bench.LocalServers;
import nl.webcare.connector.push.RequestSignature;
import nl.webcare.store.RedisKeys;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Webcare on a real Redis Cluster of its own: three masters and three replicas (redis-server processes joined by
 * {@code redis-cli --cluster create}, started by the benchmarks' {@link LocalServers}). Complaints pushed through the API are stored, scored, counted and filed as
 * cases, spread over the masters; the worklist lists them and a claim holds. Then the master that holds the cases
 * fails over to its replica ({@code CLUSTER FAILOVER}) while complaints keep coming: every complaint accepted before,
 * during and after has exactly one case and one case.opened alert, the claim made before is kept, and claims work on.
 */
class RedisClusterTest {
  private static final String SECRET = "form-secret-0123456789abcdef";
  private static final int BEFORE = 20;
  private static final int DURING = 20;
  private final LocalServers cluster;
  private final Vertx vertx = Vertx.vertx();
  private final String prefix = "wc-cluster:";
  private WebcareApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      Await.result(app.stop());
    }
    Await.result(vertx.close());
    cluster.close();
  }

  RedisClusterTest() throws java.io.IOException {
    cluster = new LocalServers("webcare-cluster");
  }

  @Test
  void thePipelineAndTheWorklistRunOnAClusterAndLoseNothingWhenAMasterFailsOver() throws Exception {
    // GIVEN a cluster of three masters with a replica each, and Webcare on it
    // (redis-cli joins the nodes: on a machine without Debian's redis-tools the test says so and is skipped, unless
    // WEBCARE_CLUSTER_TESTS=required, as CI sets it after installing them)
    boolean required = "required".equals(System.getenv("WEBCARE_CLUSTER_TESTS"));
    org.junit.jupiter.api.Assumptions.assumeTrue(required || LocalServers.canStartCluster(),
        "redis-cli is not installed (Debian: apt-get install redis-tools): the Redis Cluster test is skipped");
    List<Integer> ports = cluster.startCluster(3, 1);

    Path connectors = Files.createTempDirectory("webcare-cluster-connectors");
    Files.writeString(connectors.resolve("form.yaml"), "name: form\ntype: push\nbrand: acme\nchannel: form\n"
        + "language: en\nsecretEnv: FORM_SECRET\nratePerMinute: 100000\n");
    String url = "redis-cluster://127.0.0.1:" + ports.get(0) + ",127.0.0.1:" + ports.get(1);
    app = Await.result(WebcareApp.start(vertx, TestConfig.create(url, prefix, connectors.toString()),
        RunningApp.LIGHT, Map.of("FORM_SECRET", SECRET)), Duration.ofMinutes(2));
    ApiClient api = new ApiClient(app.httpPort());
    RedisKeys keys = new RedisKeys(prefix);

    // WHEN complaints are pushed
    Set<String> accepted = new HashSet<>();
    for (int i = 0; i < BEFORE; i++) {
      accepted.add(push(api, i));
    }

    // THEN each is filed as a case and listed on the worklist
    Await.until("every complaint has its case", Duration.ofSeconds(60), () -> casedMentions(url, keys).size() == BEFORE);
    // (the burst of complaints is a spike too: the detector's incident case may be listed beside them)
    List<String> listed = worklistIds(api);
    assertThat(listed).containsAll(casedMentions(url, keys).keySet());
    // AND the store spreads over the masters: every master holds keys of this run (mention bodies go by their id)
    for (HostAndPort master : masters(ports)) {
      try (Jedis node = new Jedis(master)) {
        assertThat(node.dbSize()).as("keys on master %s", master).isPositive();
      }
    }
    String annKey = api.newKey("ann", "agent", "care");
    ApiClient ann = api.withKey(annKey);
    String claimedBefore = casedMentions(url, keys).keySet().iterator().next();
    assertThat(ann.post("/api/v1/cases/" + claimedBefore + "/claim", "{}").status()).isEqualTo(200);

    // WHEN the master that holds the cases fails over to its replica while complaints keep coming
    HostAndPort workMaster = masterOfSlot(ports, JedisClusterCRC16.getSlot(keys.activeCases()));
    HostAndPort replica = replicaOf(ports, workMaster);
    try (Jedis promoted = new Jedis(replica)) {
      assertThat(promoted.clusterFailover()).isEqualTo("OK");
    }
    for (int i = BEFORE; i < BEFORE + DURING; i++) {
      accepted.add(pushUntilAccepted(api, i));
    }
    Await.until("the replica serves the cases' slot", Duration.ofSeconds(30), () -> {
      try (Jedis promoted = new Jedis(replica)) {
        return promoted.role().get(0).equals("master");
      }
    });

    // THEN nothing is lost: every accepted complaint has exactly one case and one case.opened alert
    Await.until("every complaint has its case", Duration.ofSeconds(90),
        () -> casedMentions(url, keys).size() == BEFORE + DURING);
    Map<String, String> cased = casedMentions(url, keys);
    assertThat(new HashSet<>(cased.values())).containsExactlyInAnyOrderElementsOf(accepted);
    try (RedisClusterClient client = RedisClusterClient.create(new HostAndPort("127.0.0.1", ports.get(0)))) {
      long opened = client.xrange(keys.alertStream(), (StreamEntryID) null, null).stream()
          .filter(e -> "case.opened".equals(e.getFields().get("type")) && cased.containsKey(e.getFields().get("caseId")))
          .count();
      assertThat(opened).isEqualTo(BEFORE + DURING);
      assertThat(client.zcard(keys.mentionsByTime())).isEqualTo(BEFORE + DURING);
    }
    // AND every mention is counted once in the marketing figures (the brand's slot)
    Await.until("the counts hold every mention", Duration.ofSeconds(30), () -> api.get(
        "/api/v1/analytics/sentiment?brand=acme&interval=day").json().getJsonObject("total").getLong("total")
        == BEFORE + DURING);
    // AND the claim made before the failover is kept, and claims work on the new master
    assertThat(api.get("/api/v1/cases/" + claimedBefore).json().getString("assignee")).isEqualTo("ann");
    assertThat(worklistIds(api)).containsAll(cased.keySet());
    String next = cased.keySet().stream().filter(id -> !id.equals(claimedBefore)).findFirst().orElseThrow();
    Await.until("a claim succeeds on the new master", Duration.ofSeconds(30),
        () -> ann.post("/api/v1/cases/" + next + "/claim", "{}").status() == 200);
  }

  private static String push(ApiClient api, int i) {
    ApiClient.Answer answer = send(api, i);
    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    return answer.json().getString("id");
  }

  /** Pushes as a sender does while the store fails over: a 503 is sent again. */
  private static String pushUntilAccepted(ApiClient api, int i) {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      ApiClient.Answer answer = send(api, i);
      if (answer.status() == 202 || answer.status() == 200) {
        return answer.json().getString("id");
      }
      assertThat(answer.status()).as(answer.body()).isEqualTo(503);
      assertThat(System.nanoTime()).as("accepted within a minute").isLessThan(giveUp);
      sleep(200);
    }
  }

  private static ApiClient.Answer send(ApiClient api, int i) {
    byte[] body = new JsonObject().put("externalId", "cluster-" + i)
        .put("text", "Terrible service, my order " + i + " never arrived and nobody answers")
        .put("author", new JsonObject().put("name", "Customer " + i).put("handle", "customer-" + i)).encode()
        .getBytes(StandardCharsets.UTF_8);
    return api.post("/api/v1/ingest/form", body, RequestSignature.HEADER,
        RequestSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), body));
  }

  private static List<String> worklistIds(ApiClient api) {
    List<String> ids = new ArrayList<>();
    api.get("/api/v1/worklist?limit=100").json().getJsonArray("items")
        .forEach(o -> ids.add(((JsonObject) o).getString("id")));
    return ids;
  }

  /** The opening mention of every complaint's case, by case id (the spike detector's incident cases left out). */
  private static Map<String, String> casedMentions(String url, RedisKeys keys) {
    Map<String, String> cased = new java.util.HashMap<>();
    HostAndPort any = nl.webcare.store.RedisUrl.parse(url).hosts().get(0);
    try (RedisClusterClient client = RedisClusterClient.create(any)) {
      // every case is in the active index, which lies in one slot
      for (String id : client.zrange(keys.activeCases(), 0, -1)) {
        Map<String, String> f = client.hgetAll(keys.caseHash(id));
        if (!"spike-detector".equals(f.get("source"))) {
          cased.put(id, f.get("mentionId"));
        }
      }
    }
    return cased;
  }

  /** The masters that serve slots (a replica-to-be may show as an empty master for a moment after creation). */
  private static List<HostAndPort> masters(List<Integer> ports) {
    return LocalServers.clusterNodes(ports.get(0)).stream().filter(n -> n.master() && !n.slots().isEmpty())
        .map(LocalServers.ClusterNode::address).toList();
  }

  private static HostAndPort masterOfSlot(List<Integer> ports, int slot) {
    return LocalServers.clusterNodes(ports.get(0)).stream().filter(n -> n.master() && n.serves(slot))
        .map(LocalServers.ClusterNode::address).findFirst()
        .orElseThrow(() -> new IllegalStateException("no master serves slot " + slot));
  }

  private static HostAndPort replicaOf(List<Integer> ports, HostAndPort master) {
    List<LocalServers.ClusterNode> nodes = LocalServers.clusterNodes(ports.get(0));
    String masterId = nodes.stream().filter(n -> n.address().equals(master)).findFirst().orElseThrow().id();
    return nodes.stream().filter(n -> masterId.equals(n.masterId())).map(LocalServers.ClusterNode::address)
        .findFirst().orElseThrow();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
