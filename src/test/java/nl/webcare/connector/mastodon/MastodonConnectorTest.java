package nl.webcare.connector.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.webcare.support.ConnectorHarness.failure;
import static nl.webcare.support.ConnectorHarness.fixture;
import static nl.webcare.support.ConnectorHarness.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import nl.webcare.connector.Connector;
import nl.webcare.connector.CredentialsRejectedException;
import nl.webcare.connector.PollResult;
import nl.webcare.connector.ReplyChannel;
import nl.webcare.support.Await;
import nl.webcare.mention.Mention;
import nl.webcare.support.ConnectorHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Mastodon API connector against Mastodon's REST JSON, faults included. */
class MastodonConnectorTest {
  private static final String TAG = "/api/v1/timelines/tag/acmeenergie";
  @RegisterExtension
  static final ConnectorHarness harness = new ConnectorHarness(Map.of("MASTODON_TOKEN", "m-token"));

  @Test
  void aTagTimelineBecomesMentionsWithoutBoostsAndResumesAfterTheNewestId() {
    harness.remote.stubFor(get(urlPathEqualTo(TAG)).willReturn(fixture("mastodon/tag-timeline.json", "application/json")));

    PollResult result = poll(connector(Map.of("tag", "#acmeenergie")), Map.of());

    assertThat(result.mentions()).extracting(Mention::externalId)
        .containsExactly("113512345678901234", "113512345678900999");
    assertThat(result.skipped()).isEqualTo(1);
    Mention local = result.mentions().get(0);
    assertThat(local.text()).isEqualTo("Storing bij #acmeenergie al sinds vanochtend 😡");
    assertThat(local.details().authorHandle()).isEqualTo("els@127.0.0.1");
    assertThat(local.details().authorFollowers()).isEqualTo(311L);
    assertThat(local.details().engagement()).isEqualTo(15);
    assertThat(local.url()).isEqualTo("https://mastodon.example/@els/113512345678901234");
    Mention remote = result.mentions().get(1);
    assertThat(remote.author()).isEqualTo("sam@other.example");
    assertThat(remote.details().inReplyTo()).isEqualTo("113512345678900001");
    assertThat(remote.language()).isEqualTo("en");
    assertThat(result.nextCursor()).containsEntry(MastodonConnector.CURSOR_MIN_ID, "113512345678901234");

    poll(connector(Map.of("tag", "#acmeenergie")), result.nextCursor());
    harness.remote.verify(getRequestedFor(urlPathEqualTo(TAG)).withQueryParam("min_id", equalTo("113512345678901234")));
  }

  @Test
  void searchNeedsATokenAndSendsIt() {
    assertThatThrownBy(() -> connector(Map.of("query", "acme"))).hasMessageContaining("tokenEnv");
    harness.remote.stubFor(get(urlPathEqualTo("/api/v2/search")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"accounts\":[],\"statuses\":[],\"hashtags\":[]}")));
    PollResult empty = poll(connector(Map.of("query", "acme energie", "tokenEnv", "MASTODON_TOKEN")), Map.of());
    assertThat(empty.mentions()).isEmpty();
    harness.remote.verify(getRequestedFor(urlPathEqualTo("/api/v2/search")).withHeader("Authorization", equalTo("Bearer m-token"))
        .withQueryParam("q", equalTo("acme energie")).withQueryParam("type", equalTo("statuses")));

    harness.remote.stubFor(get(urlPathEqualTo("/api/v2/search")).willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"The access token is invalid\"}")));
    assertThat(failure(connector(Map.of("query", "acme", "tokenEnv", "MASTODON_TOKEN")), Map.of()))
        .isInstanceOf(CredentialsRejectedException.class);
  }

  @Test
  void faultsFailThePoll() {
    harness.remote.stubFor(get(urlPathEqualTo(TAG)).willReturn(aResponse().withStatus(503)));
    assertThat(failure(connector(Map.of("tag", "acmeenergie")), Map.of())).hasMessageContaining("HTTP 503");
    harness.remote.stubFor(get(urlPathEqualTo(TAG)).willReturn(aResponse().withStatus(200).withBody("[{\"id\": \"1\",")));
    assertThat(failure(connector(Map.of("tag", "acmeenergie")), Map.of())).hasMessageContaining("not JSON");
    harness.remote.stubFor(get(urlPathEqualTo(TAG)).willReturn(aResponse().withStatus(200).withBody("{\"error\": \"x\"}")));
    assertThat(failure(connector(Map.of("tag", "acmeenergie")), Map.of())).hasMessageContaining("not a list of statuses");
  }

  @Test
  void repliesArePostedAsAnAnswerWithTheTokenAndCountedAsMastodonCounts() {
    harness.remote.stubFor(post(urlPathEqualTo("/api/v1/statuses")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"113512345678999999\",\"in_reply_to_id\":\"113512345678901234\",\"content\":\"<p>Sorry!</p>\"}")));
    Connector connector = connector(Map.of("tag", "acmeenergie", "tokenEnv", "MASTODON_TOKEN", "reply", true));
    ReplyChannel channel = connector.replyChannel().orElseThrow();

    assertThat(Await.result(channel.reply("113512345678901234", "@els Sorry, we are on it: https://status.example/" + "x".repeat(100))))
        .isEqualTo("113512345678999999");
    harness.remote.verify(postRequestedFor(urlPathEqualTo("/api/v1/statuses"))
        .withHeader("Authorization", equalTo("Bearer m-token"))
        .withRequestBody(matchingJsonPath("$.in_reply_to_id", equalTo("113512345678901234"))));
    assertThat(channel.length("see https://example.com/" + "y".repeat(300))).isEqualTo(27);
    assertThat(Await.failure(channel.reply("1", "z".repeat(501)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("500");
    harness.remote.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/statuses")));
    // without reply: true, or without a token, the channel does not reply
    assertThat(connector(Map.of("tag", "acmeenergie")).replyChannel()).isEmpty();
    assertThatThrownBy(() -> connector(Map.of("tag", "acmeenergie", "reply", true))).hasMessageContaining("tokenEnv");
  }

  @Test
  void idsCompareAsNumbers() {
    assertThat(MastodonConnector.newer("99", "100")).isEqualTo("100");
    assertThat(MastodonConnector.newer("100", "99")).isEqualTo("100");
    assertThat(MastodonConnector.newer(null, "5")).isEqualTo("5");
    assertThat(MastodonConnector.newer("5", "garbage")).isEqualTo("5");
  }

  private static Connector connector(Map<String, Object> extra) {
    Map<String, Object> keys = new HashMap<>(extra);
    keys.put("url", harness.baseUrl());
    return harness.connector("mastodon-acme", "mastodon", keys);
  }
}
