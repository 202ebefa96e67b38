package nl.webcare.connector;

import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import nl.webcare.inbox.RedisMentionInbox;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nl.webcare.mention.Mention;
import java.util.List;
import java.util.Map;
import nl.webcare.config.WebcareConfig;
import nl.webcare.connector.feed.FeedConnectorType;
import nl.webcare.inbox.MentionInbox;
import nl.webcare.store.RedisGateway;
import nl.webcare.support.Await;
import nl.webcare.support.Fixtures;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class PollerVerticleTest {
  private Vertx vertx;
  private WireMockServer feeds;
  private String prefix;
  private RedisGateway redis;
  private ConnectorCursorStore cursors;
  private ConnectorStatusStore statuses;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    feeds = new WireMockServer(options().dynamicPort());
    feeds.start();
    prefix = TestRedis.newPrefix();
    redis = RedisGateway.connect(vertx, TestRedis.url(), prefix, 8, 2000);
    cursors = new ConnectorCursorStore(redis);
    statuses = new RedisConnectorStatusStore(redis);
  }

  @AfterEach
  void tearDown() {
    Await.result(vertx.close());
    redis.close();
    feeds.stop();
    TestRedis.cleanup(prefix);
  }

  @Test
  void aFailingFeedKeepsItsCursorReportsTheErrorAndRecovers() {
    // GIVEN a feed that answered once with ETag v1
    feeds.stubFor(get("/f.rss").willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"")
        .withBody(Fixtures.feed("rss-forum.xml"))));
    deployPoller("flaky", "/f.rss");
    Await.until("first poll stored", Duration.ofSeconds(10), () -> status("flaky").state() == ConnectorStatus.State.OK);
    assertThat(Await.result(cursors.load("flaky"))).containsEntry("etag", "\"v1\"");
    // WHEN the feed starts answering 500
    feeds.resetAll();
    feeds.stubFor(get("/f.rss").willReturn(aResponse().withStatus(500)));
    Await.until("two failures in a row", Duration.ofSeconds(10), () -> status("flaky").consecutiveFailures() >= 2);
    // THEN the status shows the error, the cursor is unchanged, and every retry still asks conditionally
    ConnectorStatus failing = status("flaky");
    assertThat(failing.state()).isEqualTo(ConnectorStatus.State.FAILING);
    assertThat(failing.lastError()).contains("HTTP 500");
    assertThat(Await.result(cursors.load("flaky"))).containsEntry("etag", "\"v1\"");
    feeds.verify(getRequestedFor(urlEqualTo("/f.rss")).withHeader("If-None-Match", equalTo("\"v1\"")));
    // WHEN the feed comes back with "not modified"
    feeds.resetAll();
    feeds.stubFor(get("/f.rss").willReturn(aResponse().withStatus(304)));
    // THEN the connector is ok again and nothing was appended twice
    Await.until("recovered", Duration.ofSeconds(10), () -> status("flaky").state() == ConnectorStatus.State.OK);
    assertThat(status("flaky").itemsNew()).isEqualTo(2);
    try (UnifiedJedis client = TestRedis.client()) {
      assertThat(client.xlen(new RedisKeys(prefix).mentionStream())).isEqualTo(2);
    }
  }

  @Test
  void aFeedOnAnInternalAddressIsRefusedAndTheStatusSaysWhy() {
    // GIVEN a connector whose feed lies on a loopback address that the configuration does not allow
    feeds.stubFor(get("/internal.rss").willReturn(aResponse().withStatus(200).withBody(Fixtures.feed("rss-forum.xml"))));
    deployPoller("internal", "/internal.rss", nl.webcare.connector.http.OutboundGuard.allowing(List.of()));
    // WHEN it polls THEN nothing is fetched, and the status names the refusal
    Await.until("refused", Duration.ofSeconds(10), () -> status("internal").consecutiveFailures() >= 1);
    assertThat(status("internal").lastError()).contains("refused").contains("loopback").contains("outbound.allowHosts");
    feeds.verify(0, getRequestedFor(urlEqualTo("/internal.rss")));
  }

  @Test
  void aPollerThatStopsCleanlyGivesItsLeaseBack() {
    feeds.stubFor(get("/lease.rss").willReturn(aResponse().withStatus(200).withBody(Fixtures.feed("rss-forum.xml"))));
    String deployment = deployPoller("leased", "/lease.rss", nl.webcare.support.TestConfig.localGuard());
    Await.until("polled", Duration.ofSeconds(10), () -> status("leased").state() == ConnectorStatus.State.OK);
    try (UnifiedJedis client = TestRedis.client()) {
      assertThat(client.get(new RedisKeys(prefix).connectorLease("leased"))).isEqualTo("test-instance");
      Await.result(vertx.undeploy(deployment));
      assertThat(client.get(new RedisKeys(prefix).connectorLease("leased"))).isNull();
    }
  }

  @Test
  void aPollerWaitsForRedisNotForTheSourcesBackOff() {
    // GIVEN an inbox whose Redis refuses the first three appends
    feeds.stubFor(get("/outage.rss").willReturn(aResponse().withStatus(200).withBody(Fixtures.feed("rss-forum.xml"))));
    RedisMentionInbox real = new RedisMentionInbox(redis, Duration.ofDays(1));
    java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger(3);
    nl.webcare.inbox.MentionInbox flaky = mentions -> refusals.getAndDecrement() > 0
        ? io.vertx.core.Future.failedFuture(new nl.webcare.store.StoreUnavailableException(
            new redis.clients.jedis.exceptions.JedisConnectionException("Connection refused")))
        : real.append(mentions);
    deployPoller("outage", "/outage.rss", nl.webcare.support.TestConfig.localGuard(), flaky);
    // WHEN Redis serves again THEN polling resumes within seconds, and the source has no failure to its name
    Await.until("the feed's items arrive", Duration.ofSeconds(20), () -> status("outage").itemsNew() == 2);
    assertThat(status("outage").consecutiveFailures()).isZero();
    assertThat(status("outage").lastError()).isNull();
  }

  @Test
  void aBrokenConnectorDoesNotHoldUpAnother() {
    feeds.stubFor(get("/slow.rss").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
    feeds.stubFor(get("/good.rss").willReturn(aResponse().withStatus(200).withBody(Fixtures.feed("rss-forum.xml"))));
    deployPoller("slow", "/slow.rss");
    deployPoller("good", "/good.rss");
    Await.until("good connector polled", Duration.ofSeconds(10), () -> status("good").itemsNew() == 2);
    Await.until("slow connector timed out", Duration.ofSeconds(10),
        () -> status("slow").state() == ConnectorStatus.State.FAILING);
    assertThat(status("slow").lastError()).contains("no complete answer");
  }

  @Test
  void aSourceThatRefusesTheCredentialsIsStoppedNotRetriedInALoop() {
    // GIVEN a source that answers "401" to every poll
    ScriptedConnector refusing = new ScriptedConnector("refusing", RelevanceFilter.ALL,
        () -> Future.failedFuture(new CredentialsRejectedException("X answered 401: Unauthorized")));
    deploy(refusing);
    // THEN it is polled once, shown as stopped with the source's words, and left alone
    Await.until("stopped", Duration.ofSeconds(10), () -> status("refusing").state() == ConnectorStatus.State.STOPPED);
    sleep(1000);
    assertThat(refusing.polls.get()).isEqualTo(1);
    ConnectorStatus stopped = status("refusing");
    assertThat(stopped.lastError()).contains("401");
    assertThat(stopped.note()).contains("fix the credentials");
    assertThat(stopped.nextPollAt()).isNull();
  }

  @Test
  void aSourceThatAsksForAPauseIsNotAskedAgainBeforeItsTime() {
    Instant until = Instant.now().plusSeconds(3600);
    ScriptedConnector paused = new ScriptedConnector("paused", RelevanceFilter.ALL,
        () -> Future.succeededFuture(new PollResult(List.of(), Map.of("sinceId", "9"), false, 0,
            new PollResult.Pause(until, "daily read budget of 10 posts spent"), Map.of("readsToday", "10"))));
    deploy(paused);
    Await.until("paused", Duration.ofSeconds(10), () -> status("paused").state() == ConnectorStatus.State.PAUSED);
    sleep(1000);
    assertThat(paused.polls.get()).isEqualTo(1);
    ConnectorStatus status = status("paused");
    assertThat(status.note()).isEqualTo("daily read budget of 10 posts spent");
    assertThat(status.nextPollAt()).isAfterOrEqualTo(until);
    assertThat(status.figures()).containsEntry("readsToday", "10");
    assertThat(Await.result(cursors.load("paused"))).containsEntry("sinceId", "9");
  }

  @Test
  void aPauseThatAnotherProcessRecordedHoldsHereToo() {
    // GIVEN another Webcare process paused the connector for an hour (X's rate-limit window was spent)
    ScriptedConnector shared = new ScriptedConnector("shared", RelevanceFilter.ALL,
        () -> Future.succeededFuture(new PollResult(List.of(), Map.of(), false, 0)));
    Await.result(statuses.register(shared.definition()));
    Await.result(statuses.recordSuccess("shared", Instant.now(), new ConnectorStatusStore.PollCounts(0, 0, 0),
        Instant.now().plusSeconds(3600), new PollResult.Pause(Instant.now().plusSeconds(3600), "rate limit"), Map.of()));
    // WHEN this process starts polling it
    deploy(shared);
    sleep(1000);
    // THEN it does not ask the source before the pause ends
    assertThat(shared.polls.get()).isZero();
    assertThat(status("shared").state()).isEqualTo(ConnectorStatus.State.PAUSED);
  }

  @Test
  void mentionsWithoutABrandTermAreCountedButKeptOutOfTheInbox() {
    // GIVEN a broad search that brings one mention of the brand and two of something else
    RelevanceFilter filter = new RelevanceFilter(List.of("Acme Energie", "#acme"), List.of("acme corp stock"));
    List<Mention> found = List.of(
        Mention.ofText("broad", "1", "Storing bij ACME ÉNERGIE al de hele ochtend"),
        Mention.ofText("broad", "2", "Acmeology is a made-up word"),
        Mention.ofText("broad", "3", "#acme corp stock is up, #acme"));
    ScriptedConnector broad = new ScriptedConnector("broad", filter,
        () -> Future.succeededFuture(new PollResult(found, Map.of(), false, 0)));
    deploy(broad);
    Await.until("polled", Duration.ofSeconds(10), () -> status("broad").itemsSeen() >= 3);
    ConnectorStatus status = status("broad");
    assertThat(status.itemsNew()).isEqualTo(1);
    assertThat(status.itemsIrrelevant()).isEqualTo(2);
    try (UnifiedJedis client = TestRedis.client()) {
      assertThat(client.xlen(new RedisKeys(prefix).mentionStream())).isEqualTo(1);
    }
  }

  /** A connector that answers every poll from a script, counting the polls. */
  private static final class ScriptedConnector implements Connector {
    final AtomicInteger polls = new AtomicInteger();
    private final ConnectorDefinition definition;
    private final Supplier<Future<PollResult>> answer;

    ScriptedConnector(String name, RelevanceFilter relevance, Supplier<Future<PollResult>> answer) {
      this.definition = new ConnectorDefinition(name, "feed", "testbrand", "http://127.0.0.1/", Duration.ofMillis(200),
          true, Map.of(), relevance);
      this.answer = answer;
    }

    @Override
    public ConnectorDefinition definition() {
      return definition;
    }

    @Override
    public Future<PollResult> poll(Map<String, String> cursor) {
      polls.incrementAndGet();
      return answer.get();
    }
  }

  private void deploy(Connector connector) {
    Await.result(statuses.register(connector.definition()));
    Await.result(vertx.deployVerticle(new PollerVerticle(connector, new RedisMentionInbox(redis, Duration.ofDays(1)),
        cursors, statuses, new PollLease(redis, "test-instance", Duration.ofSeconds(10)), Duration.ofSeconds(10))));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deployPoller(String name, String path) {
    deployPoller(name, path, nl.webcare.support.TestConfig.localGuard());
  }

  private String deployPoller(String name, String path, nl.webcare.connector.http.OutboundGuard guard) {
    return deployPoller(name, path, guard, new RedisMentionInbox(redis, Duration.ofDays(1)));
  }

  private String deployPoller(String name, String path, nl.webcare.connector.http.OutboundGuard guard,
      nl.webcare.inbox.MentionInbox inbox) {
    ConnectorDefinition definition = new ConnectorDefinition(name, "feed", "testbrand",
        "http://127.0.0.1:" + feeds.port() + path, Duration.ofMillis(200), true, Map.of());
    WebcareConfig.Connectors limits = new WebcareConfig.Connectors("connectors", 1000, 64 * 1024,
        Duration.ofMillis(300), Duration.ofSeconds(10));
    ConnectorContext context = new ConnectorContext(vertx, vertx.createHttpClient(),
        vertx.createSharedWorkerExecutor("test-parsers"), limits, new ReadBudgetStore(redis), Map.of(), guard);
    Connector connector = new FeedConnectorType().create(definition, context);
    Await.result(statuses.register(definition));
    return Await.result(vertx.deployVerticle(new PollerVerticle(connector, inbox,
        cursors, statuses, new PollLease(redis, "test-instance", Duration.ofSeconds(10)), limits.retryMax())));
  }

  private ConnectorStatus status(String name) {
    return Await.result(statuses.all(List.of(name))).get(0);
  }
}
