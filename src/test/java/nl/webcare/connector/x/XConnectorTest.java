package nl.webcare.connector.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.config.WebcareConfig;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorDefinitionLoader;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.ConnectorTypes;
import nl.webcare.connector.CredentialsRejectedException;
import nl.webcare.connector.PollResult;
import nl.webcare.connector.RateLimitedException;
import nl.webcare.connector.ReplyChannel;
import nl.webcare.mention.Mention;
import nl.webcare.connector.ReadBudgetStore;
import nl.webcare.support.Await;
import nl.webcare.support.RedisFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The X connector against WireMock speaking the X API v2 wire format, faults included. */
class XConnectorTest {
  private static final String MENTIONS = "/2/users/777/mentions";
  private static final String SEARCH = "/2/tweets/search/recent";
  private static final Map<String, String> ENV = Map.of("X_BEARER", "test-bearer-token", "X_KEY", "ck", "X_SECRET",
      "cs", "X_TOKEN", "777-at", "X_TOKEN_SECRET", "ats");

  private RedisFixture fixture;
  private WireMockServer x;
  private ReadBudgetStore budgets;

  @BeforeEach
  void setUp() {
    fixture = new RedisFixture();
    x = new WireMockServer(options().dynamicPort());
    x.start();
    budgets = new ReadBudgetStore(fixture.redis);
  }

  @AfterEach
  void tearDown() {
    x.stop();
    fixture.close();
  }

  @Test
  void readsNewMentionsAcrossPagesWithAuthorsAndMovesSinceId() {
    // GIVEN an earlier run that ended at post ...0900 and two pages of newer mentions
    x.stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("pagination_token", absent())
        .willReturn(json(200, "mentions-page1.json")));
    x.stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("pagination_token",
        equalTo("7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i")).willReturn(json(200, "mentions-page2.json")));
    Connector connector = connector("acme-x", Map.of("mode", "mentions", "userId", "777"));

    // WHEN it polls
    PollResult result = poll(connector, Map.of(XConnector.SINCE_ID, "1860000000000000900"));

    // THEN both pages are read with the bearer token, since_id and the author expansion
    x.verify(2, getRequestedFor(urlPathEqualTo(MENTIONS))
        .withHeader("Authorization", equalTo("Bearer test-bearer-token"))
        .withQueryParam("since_id", equalTo("1860000000000000900"))
        .withQueryParam("expansions", equalTo("author_id")));
    assertThat(result.mentions()).extracting(Mention::externalId)
        .containsExactly("1861000000000000003", "1861000000000000002", "1861000000000000001");
    Mention outage = result.mentions().get(0);
    assertThat(outage.channel()).isEqualTo("x");
    assertThat(outage.author()).isEqualTo("Jan de Vries");
    assertThat(outage.language()).isEqualTo("nl");
    assertThat(outage.url()).isEqualTo("https://x.com/jandevries/status/1861000000000000003");
    assertThat(outage.details().authorHandle()).isEqualTo("jandevries");
    assertThat(outage.details().authorFollowers()).isEqualTo(15200L);
    assertThat(outage.details().engagement()).isEqualTo(38);
    Mention refund = result.mentions().get(1);
    assertThat(refund.details().conversationId()).isEqualTo("1860999999999999000");
    assertThat(refund.details().inReplyTo()).isEqualTo("1860999999999999000");
    assertThat(refund.details().authorVerified()).isTrue();
    // AND the next run starts after the newest post, with the reads counted against the budget
    assertThat(result.nextCursor()).isEqualTo(Map.of(XConnector.SINCE_ID, "1861000000000000003"));
    assertThat(result.figures()).containsEntry("readsToday", "3").containsEntry("dailyReadBudget", "500");
    assertThat(result.pause()).isNull();
  }

  @Test
  void theFirstRunReadsOnlyTheNewestPageInsteadOfAWeekOfPaidHistory() {
    x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(json(200, "mentions-page1.json")));
    PollResult result = poll(connector("acme-x", Map.of("userId", "777")), Map.of());
    x.verify(1, getRequestedFor(urlPathEqualTo(MENTIONS)));
    assertThat(result.mentions()).hasSize(2);
    assertThat(result.nextCursor()).isEqualTo(Map.of(XConnector.SINCE_ID, "1861000000000000003"));
  }

  @Test
  void searchLeavesOutTheBrandsOwnPostsAndReposts() {
    x.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(json(200, "empty.json")));
    PollResult result = poll(connector("acme-search", Map.of("mode", "search", "query", "acme OR #acmeenergie",
        "ownHandle", "@acme_nl")), Map.of(XConnector.SINCE_ID, "5"));
    x.verify(getRequestedFor(urlPathEqualTo(SEARCH))
        .withQueryParam("query", equalTo("(acme OR #acmeenergie) -from:acme_nl -is:retweet")));
    assertThat(result.mentions()).isEmpty();
    assertThat(result.nextCursor()).isEqualTo(Map.of(XConnector.SINCE_ID, "5"));
  }

  @Test
  void aSpentRateLimitWindowPausesUntilTheResetInsteadOfPollingInto429() {
    // GIVEN X says this request was the last one of the window, which resets in 10 minutes
    long reset = Instant.now().plusSeconds(600).getEpochSecond();
    x.stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("pagination_token", absent())
        .willReturn(json(200, "mentions-page1.json").withHeader("x-rate-limit-limit", "450")
            .withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", Long.toString(reset))));

    PollResult result = poll(connector("acme-x", Map.of("userId", "777")), Map.of(XConnector.SINCE_ID, "1"));

    // THEN the second page is not asked for, the run pauses until the reset and resumes from that page
    x.verify(1, getRequestedFor(urlPathEqualTo(MENTIONS)));
    assertThat(result.pause().until()).isEqualTo(Instant.ofEpochSecond(reset));
    assertThat(result.nextCursor()).containsEntry(XConnector.SINCE_ID, "1")
        .containsEntry(XConnector.PENDING_TOKEN, "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i")
        .containsEntry(XConnector.PENDING_NEWEST, "1861000000000000003");
  }

  @Test
  void aResumedRunContinuesFromTheSavedPageAndThenMovesSinceId() {
    x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(json(200, "mentions-page2.json")));
    PollResult result = poll(connector("acme-x", Map.of("userId", "777")), Map.of(XConnector.SINCE_ID, "1",
        XConnector.PENDING_TOKEN, "tok-2", XConnector.PENDING_NEWEST, "1861000000000000003"));
    x.verify(getRequestedFor(urlPathEqualTo(MENTIONS)).withQueryParam("pagination_token", equalTo("tok-2"))
        .withQueryParam("since_id", equalTo("1")));
    assertThat(result.nextCursor()).isEqualTo(Map.of(XConnector.SINCE_ID, "1861000000000000003"));
  }

  @Test
  void too429WithResetHeadersIsARateLimitWithTheResetTime() {
    long reset = Instant.now().plusSeconds(120).getEpochSecond();
    x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(json(429, "error-429.json")
        .withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", Long.toString(reset))));
    Throwable failure = Await.failure(connector("acme-x", Map.of("userId", "777")).poll(Map.of(XConnector.SINCE_ID, "1")));
    assertThat(failure).isInstanceOf(RateLimitedException.class).hasMessageContaining("429")
        .hasMessageContaining("Too Many Requests");
    assertThat(((RateLimitedException) failure).retryAt()).isEqualTo(Instant.ofEpochSecond(reset));
  }

  @Test
  void aRefusedTokenIsReportedAsRejectedCredentials() {
    x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(json(401, "error-401.json")));
    Throwable failure = Await.failure(connector("acme-x", Map.of("userId", "777")).poll(Map.of()));
    assertThat(failure).isInstanceOf(CredentialsRejectedException.class).hasMessageContaining("401")
        .hasMessageContaining("Unauthorized");
  }

  @Test
  void aMissingTokenVariableIsReportedByName() {
    Connector connector = connector("acme-x", Map.of("userId", "777", "bearerTokenEnv", "NOT_SET_ANYWHERE"));
    assertThat(Await.failure(connector.poll(Map.of()))).isInstanceOf(CredentialsRejectedException.class)
        .hasMessageContaining("NOT_SET_ANYWHERE");
    x.verify(0, getRequestedFor(urlPathEqualTo(MENTIONS)));
  }

  @Test
  void serverErrorsTruncatedJsonResetsAndSlowAnswersFailThePollWithAClearMessage() {
    Connector connector = connector("acme-x", Map.of("userId", "777"));
    x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "application/json").withBody("{\"title\":\"Service Unavailable\",\"status\":503}")));
    assertThat(Await.failure(connector.poll(Map.of()))).isInstanceOf(ConnectorException.class)
        .isNotInstanceOf(CredentialsRejectedException.class).hasMessageContaining("503")
        .hasMessageContaining("Service Unavailable");

    String page = body("mentions-page1.json");
    x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(page.substring(0, page.length() / 2))));
    assertThat(Await.failure(connector.poll(Map.of()))).isInstanceOf(ConnectorException.class)
        .hasMessageContaining("JSON");

    x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(Await.failure(connector.poll(Map.of()))).hasMessageContaining("X did not answer");

    x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(json(200, "empty.json").withFixedDelay(3000)));
    assertThat(Await.failure(connector.poll(Map.of()))).hasMessageContaining("X did not answer");
  }

  @Test
  void aFailureOnALaterPageKeepsThePaidPostsAndResumesThere() {
    x.stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("pagination_token", absent())
        .willReturn(json(200, "mentions-page1.json")));
    x.stubFor(get(urlPathEqualTo(MENTIONS)).withQueryParam("pagination_token", equalTo(
        "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i")).willReturn(aResponse().withStatus(500)));
    PollResult result = poll(connector("acme-x", Map.of("userId", "777")), Map.of(XConnector.SINCE_ID, "1"));
    assertThat(result.mentions()).hasSize(2);
    assertThat(result.nextCursor()).containsEntry(XConnector.PENDING_TOKEN, "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i");
    assertThat(result.figures().get("lastPageError")).contains("500");
  }

  @Test
  void aSpentDailyBudgetPausesUntilMidnightWithoutAskingX() {
    // GIVEN 498 of a 500-post budget already read today (less than the smallest page of 5)
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Await.result(budgets.add("acme-x", today, 498));
    x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(json(200, "mentions-page1.json")));

    PollResult result = poll(connector("acme-x", Map.of("userId", "777")), Map.of(XConnector.SINCE_ID, "1"));

    x.verify(0, getRequestedFor(urlPathEqualTo(MENTIONS)));
    assertThat(result.pause().until()).isEqualTo(today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(result.pause().reason()).contains("daily read budget of 500 posts spent");
    assertThat(result.nextCursor()).containsEntry(XConnector.SINCE_ID, "1");
  }

  @Test
  void aPageNeverAsksForMoreThanTheBudgetLeft() {
    Await.result(budgets.add("acme-x", LocalDate.now(ZoneOffset.UTC), 493));
    x.stubFor(get(urlPathEqualTo(MENTIONS)).willReturn(json(200, "mentions-page2.json")));
    PollResult result = poll(connector("acme-x", Map.of("userId", "777")), Map.of(XConnector.SINCE_ID, "1"));
    x.verify(getRequestedFor(urlPathEqualTo(MENTIONS)).withQueryParam("max_results", equalTo("7")));
    assertThat(result.figures()).containsEntry("readsToday", "494");
  }

  @Test
  void repliesArePostedWithUserContextAndReturnTheNewPostId() {
    x.stubFor(post(urlPathEqualTo("/2/tweets")).willReturn(json(201, "reply-created.json")));
    ReplyChannel channel = connector("acme-x", replyOptions()).replyChannel().orElseThrow();

    String id = Await.result(channel.reply("1861000000000000002",
        "@samc Sorry for the wait! We've sent you a DM about order 913181."));

    assertThat(id).isEqualTo("1861000000000000099");
    x.verify(postRequestedFor(urlPathEqualTo("/2/tweets"))
        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("OAuth .*oauth_token=\"777-at\".*"))
        .withRequestBody(matchingJsonPath("$.reply.in_reply_to_tweet_id", equalTo("1861000000000000002")))
        .withRequestBody(matchingJsonPath("$.text", equalTo("@samc Sorry for the wait! We've sent you a DM about order 913181."))));
  }

  @Test
  void aReplyTooLongForXIsRefusedBeforeSendingAndXsErrorTextIsReported() {
    ReplyChannel channel = connector("acme-x", replyOptions()).replyChannel().orElseThrow();
    assertThat(Await.failure(channel.reply("1861000000000000002", "a".repeat(281))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("281").hasMessageContaining("280");
    // a link counts 23 whatever its length, so this fits
    assertThat(channel.length("see https://example.com/" + "x".repeat(200))).isEqualTo(27);
    x.verify(0, postRequestedFor(urlPathEqualTo("/2/tweets")));

    x.stubFor(post(urlPathEqualTo("/2/tweets")).willReturn(json(403, "error-403-duplicate.json")));
    assertThat(Await.failure(channel.reply("1861000000000000002", "Thanks!")))
        .hasMessageContaining("duplicate content");
  }

  @Test
  void withoutUserCredentialsTheChannelCannotReplyAndHalfTheSecretsIsRefused() {
    assertThat(connector("acme-x", Map.of("userId", "777")).replyChannel()).isEmpty();
    Map<String, Object> half = new HashMap<>(Map.of("userId", "777", "consumerKeyEnv", "X_KEY"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> connector("acme-x", half))
        .hasMessageContaining("replies need all of");
  }

  private Map<String, Object> replyOptions() {
    return Map.of("userId", "777", "consumerKeyEnv", "X_KEY", "consumerSecretEnv", "X_SECRET",
        "accessTokenEnv", "X_TOKEN", "accessTokenSecretEnv", "X_TOKEN_SECRET");
  }

  private Connector connector(String name, Map<String, Object> options) {
    Map<String, Object> yaml = new HashMap<>(options);
    yaml.putIfAbsent("bearerTokenEnv", "X_BEARER");
    yaml.put("name", name);
    yaml.put("type", "x");
    yaml.put("brand", "acme");
    yaml.put("url", "http://127.0.0.1:" + x.port() + "/2/");
    ConnectorDefinition definition = new ConnectorDefinitionLoader(ConnectorTypes.discover()).fromMap(yaml);
    WebcareConfig.Connectors limits = new WebcareConfig.Connectors("connectors", 1500, 1 << 20,
        Duration.ofSeconds(1), Duration.ofSeconds(10));
    ConnectorContext context = new ConnectorContext(fixture.vertx, fixture.vertx.createHttpClient(),
        fixture.vertx.createSharedWorkerExecutor("test-parsers"), limits, budgets, ENV, nl.webcare.support.TestConfig.localGuard());
    return new XConnectorType().create(definition, context);
  }

  private static PollResult poll(Connector connector, Map<String, String> cursor) {
    return Await.result(connector.poll(cursor), Duration.ofSeconds(15));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String file) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body(file));
  }

  private static String body(String file) {
    try (var in = XConnectorTest.class.getResourceAsStream("/x/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
