package nl.webcare.connector.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.webcare.support.ConnectorHarness.failure;
import static nl.webcare.support.ConnectorHarness.fixture;
import static nl.webcare.support.ConnectorHarness.poll;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.util.Map;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.CredentialsRejectedException;
import nl.webcare.connector.PollResult;
import nl.webcare.connector.RateLimitedException;
import nl.webcare.mention.Mention;
import nl.webcare.support.ConnectorHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Bluesky connector against app.bsky.feed.searchPosts JSON, faults included. */
class BlueskyConnectorTest {
  private static final String SEARCH = "/xrpc/app.bsky.feed.searchPosts";
  @RegisterExtension
  static final ConnectorHarness harness = new ConnectorHarness(Map.of("BSKY_TOKEN", "bsky-token"));

  @Test
  void postsBecomeMentionsAndTheNextPollAsksOnlyForNewerOnes() {
    harness.remote.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(fixture("bluesky/search.json", "application/json")));

    PollResult first = poll(connector(Map.of()), Map.of());

    harness.remote.verify(getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("q", equalTo("acme energie"))
        .withQueryParam("sort", equalTo("latest")).withQueryParam("since", absent()));
    assertThat(first.mentions()).hasSize(1);
    assertThat(first.skipped()).isEqualTo(1);
    Mention post = first.mentions().get(0);
    assertThat(post.channel()).isEqualTo("bluesky");
    assertThat(post.author()).isEqualTo("Jan de Vries");
    assertThat(post.details().authorHandle()).isEqualTo("jandevries.bsky.social");
    assertThat(post.details().conversationId()).isEqualTo("at://did:plc:brand/app.bsky.feed.post/3lbq1root");
    assertThat(post.details().inReplyTo()).isEqualTo("at://did:plc:brand/app.bsky.feed.post/3lbq1parent");
    assertThat(post.details().engagement()).isEqualTo(8);
    assertThat(post.language()).isEqualTo("nl");
    assertThat(post.url()).isEqualTo("https://bsky.app/profile/jandevries.bsky.social/post/3lbq2xyzabc2k");
    assertThat(first.nextCursor()).containsEntry(BlueskyConnector.CURSOR_SINCE, "2026-11-25T08:41:00Z");

    poll(connector(Map.of()), first.nextCursor());
    harness.remote.verify(getRequestedFor(urlPathEqualTo(SEARCH)).withQueryParam("since", equalTo("2026-11-25T08:41:00Z")));
  }

  @Test
  void aTokenIsSentAsBearerAndARefusedOneStopsTheConnector() {
    harness.remote.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"AuthMissing\",\"message\":\"Authentication Required\"}")));
    Throwable error = failure(connector(Map.of("tokenEnv", "BSKY_TOKEN")), Map.of());
    harness.remote.verify(getRequestedFor(urlPathEqualTo(SEARCH)).withHeader("Authorization", equalTo("Bearer bsky-token")));
    assertThat(error).isInstanceOf(CredentialsRejectedException.class).hasMessageContaining("token was refused");
  }

  @Test
  void faultsAndGarbageFailThePollClearly() {
    harness.remote.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "60").withHeader("RateLimit-Reset", "1764060000")));
    assertThat(failure(connector(Map.of()), Map.of())).isInstanceOf(RateLimitedException.class);

    harness.remote.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(502)));
    assertThat(failure(connector(Map.of()), Map.of())).hasMessageContaining("HTTP 502");

    String json = ConnectorHarness.resource("bluesky/search.json");
    harness.remote.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(json.substring(0, json.length() / 2))));
    assertThat(failure(connector(Map.of()), Map.of())).isInstanceOf(ConnectorException.class).hasMessageContaining("not JSON");

    harness.remote.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"unexpected\": true}")));
    assertThat(failure(connector(Map.of()), Map.of())).hasMessageContaining("without a posts list");

    harness.remote.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(failure(connector(Map.of()), Map.of())).isInstanceOf(ConnectorException.class);

    harness.remote.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(fixture("bluesky/search.json", "application/json")
        .withFixedDelay(ConnectorHarness.TIMEOUT_MS * 3)));
    assertThat(failure(connector(Map.of()), Map.of())).hasMessageContaining("no complete answer");

    harness.remote.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"posts\": []}")));
    PollResult none = poll(connector(Map.of()), Map.of(BlueskyConnector.CURSOR_SINCE, "not a time"));
    assertThat(none.mentions()).isEmpty();
  }

  private static Connector connector(Map<String, Object> extra) {
    Map<String, Object> keys = new java.util.HashMap<>(extra);
    keys.put("url", harness.baseUrl() + SEARCH);
    keys.put("query", "acme energie");
    return harness.connector("bsky-acme", "bluesky", keys);
  }
}
