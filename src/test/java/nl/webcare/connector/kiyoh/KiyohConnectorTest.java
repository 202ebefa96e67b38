package nl.webcare.connector.kiyoh;

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

/** The Kiyoh connector against Kiyoh's XML review feed, faults included. */
class KiyohConnectorTest {
  private static final String FEED = "/v1/review/feed.xml";
  @RegisterExtension
  static final ConnectorHarness harness = new ConnectorHarness(Map.of("KIYOH_HASH", "a1b2c3-secret-hash"));

  @Test
  void reviewsBecomeMentionsWithStarsRecommendationAndAuthor() {
    harness.remote.stubFor(get(urlPathEqualTo(FEED)).willReturn(fixture("kiyoh/feed.xml", "application/xml")));

    PollResult result = poll(connector(), Map.of());

    harness.remote.verify(getRequestedFor(urlPathEqualTo(FEED)).withQueryParam("hash", equalTo("a1b2c3-secret-hash"))
        .withQueryParam("limit", equalTo("50")));
    // the third review has a score but no words: nothing to read or answer
    assertThat(result.mentions()).hasSize(2);
    Mention complaint = result.mentions().get(0);
    assertThat(complaint.channel()).isEqualTo("kiyoh");
    assertThat(complaint.externalId()).isEqualTo("6d1b2c3a-0000-4000-8000-000000000001");
    assertThat(complaint.author()).isEqualTo("Marieke (Utrecht)");
    assertThat(complaint.title()).isEqualTo("Nog steeds geen eindafrekening");
    assertThat(complaint.text()).startsWith("Ik ben in augustus verhuisd");
    assertThat(complaint.rating()).isEqualTo(1);
    assertThat(complaint.details().recommends()).isFalse();
    assertThat(complaint.language()).isEqualTo("nl");
    assertThat(complaint.publishedAt()).hasToString("2026-11-24T20:14:07Z");
    assertThat(complaint.url()).isEqualTo("https://www.kiyoh.com/reviews/1061234/acme_energie");
    Mention praise = result.mentions().get(1);
    assertThat(praise.text()).isEqualTo("Snel overgestapt, prima geregeld");
    assertThat(praise.title()).isNull();
    assertThat(praise.rating()).isEqualTo(5);
    assertThat(praise.details().recommends()).isTrue();
  }

  @Test
  void anEmptyFeedGivesNothing() {
    harness.remote.stubFor(get(urlPathEqualTo(FEED)).willReturn(fixture("kiyoh/empty.xml", "application/xml")));
    assertThat(poll(connector(), Map.of()).mentions()).isEmpty();
  }

  @Test
  void faultsFailThePollWithoutShowingTheHash() {
    harness.remote.stubFor(get(urlPathEqualTo(FEED)).willReturn(aResponse().withStatus(500)));
    assertThat(failure(connector(), Map.of())).hasMessageContaining("HTTP 500").hasMessageNotContaining("a1b2c3");

    harness.remote.stubFor(get(urlPathEqualTo(FEED)).willReturn(aResponse().withStatus(401)));
    assertThat(failure(connector(), Map.of())).isInstanceOf(CredentialsRejectedException.class)
        .hasMessageNotContaining("a1b2c3");

    harness.remote.stubFor(get(urlPathEqualTo(FEED)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    assertThat(failure(connector(), Map.of())).isInstanceOf(RateLimitedException.class);

    String feed = ConnectorHarness.resource("kiyoh/feed.xml");
    harness.remote.stubFor(get(urlPathEqualTo(FEED)).willReturn(aResponse().withBody(feed.substring(0, feed.length() / 2))));
    assertThat(failure(connector(), Map.of())).isInstanceOf(ConnectorException.class).hasMessageContaining("malformed Kiyoh feed");

    harness.remote.stubFor(get(urlPathEqualTo(FEED)).willReturn(aResponse().withBody(
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY s SYSTEM \"file:///etc/passwd\">]><UpdateData><reviews>&s;</reviews></UpdateData>")));
    assertThat(failure(connector(), Map.of())).hasMessageContaining("DOCTYPE").hasMessageNotContaining("root:");

    harness.remote.stubFor(get(urlPathEqualTo(FEED)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThat(failure(connector(), Map.of())).isInstanceOf(ConnectorException.class);

    harness.remote.stubFor(get(urlPathEqualTo(FEED)).willReturn(fixture("kiyoh/feed.xml", "application/xml")
        .withFixedDelay(ConnectorHarness.TIMEOUT_MS * 3)));
    assertThat(failure(connector(), Map.of())).hasMessageContaining("no complete answer");
  }

  @Test
  void anUnsetHashVariableStopsTheConnectorNamingIt() {
    Connector unset = harness.connector("kiyoh-unset", "kiyoh", Map.of("url", harness.baseUrl() + FEED,
        "hashEnv", "NOT_SET_KIYOH"));
    assertThat(failure(unset, Map.of())).isInstanceOf(CredentialsRejectedException.class)
        .hasMessageContaining("NOT_SET_KIYOH");
  }

  private static Connector connector() {
    return harness.connector("kiyoh-acme", "kiyoh", Map.of("url", harness.baseUrl() + FEED, "hashEnv", "KIYOH_HASH",
        "reviewPageUrl", "https://www.kiyoh.com/reviews/1061234/acme_energie"));
  }
}
