package nl.webcare.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import nl.webcare.support.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redirects as a hostile feed serves them: every hop passes the guard, and credentials stay with their origin.
 * The guard allows the host name {@code localhost} (where the fakes run), not loopback addresses as such.
 */
class HttpFetcherRedirectTest {
  private static final Vertx VERTX = Vertx.vertx();
  private static final WireMockServer FEED = new WireMockServer(options().dynamicPort());
  private static final WireMockServer OTHER = new WireMockServer(options().dynamicPort());
  private static HttpFetcher fetcher;

  @BeforeAll
  static void start() {
    FEED.start();
    OTHER.start();
    fetcher = new HttpFetcher(VERTX, VERTX.createHttpClient(), OutboundGuard.allowing(List.of("localhost")), 2000,
        64 * 1024);
  }

  @AfterAll
  static void stop() {
    FEED.stop();
    OTHER.stop();
    Await.result(VERTX.close());
  }

  @BeforeEach
  void reset() {
    FEED.resetAll();
    OTHER.resetAll();
  }

  @Test
  void aRedirectToALoopbackAddressIsRefusedAndNothingIsReadThere() {
    FEED.stubFor(get("/feed").willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://127.0.0.1:" + OTHER.port() + "/internal")));
    OTHER.stubFor(get("/internal").willReturn(aResponse().withBody("secret admin page")));

    Throwable failure = Await.failure(fetcher.fetch(url(FEED, "/feed"), null, null));

    assertThat(failure).hasMessageContaining("refused").hasMessageContaining("loopback");
    OTHER.verify(0, getRequestedFor(urlEqualTo("/internal")));
  }

  @Test
  void aRedirectToAnotherSchemeIsRefused() {
    FEED.stubFor(get("/feed").willReturn(aResponse().withStatus(301).withHeader("Location", "file:///etc/passwd")));
    assertThat(Await.failure(fetcher.fetch(url(FEED, "/feed"), null, null))).hasMessageContaining("only http and https");
  }

  @Test
  void credentialsDoNotFollowARedirectToAnotherOrigin() {
    FEED.stubFor(get("/api/statuses").willReturn(aResponse().withStatus(307)
        .withHeader("Location", url(OTHER, "/collect"))));
    OTHER.stubFor(get("/collect").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));

    HttpResponseBody body = Await.result(fetcher.fetch(url(FEED, "/api/statuses"), HttpFetcher.ACCEPT_JSON,
        Map.of("Authorization", "Bearer secret-token"), null, null));

    assertThat(body.body().toString()).isEqualTo("[]");
    OTHER.verify(getRequestedFor(urlEqualTo("/collect")).withHeader("Authorization", absent()));
  }

  @Test
  void credentialsFollowARedirectOnTheirOwnOrigin() {
    FEED.stubFor(get("/v1").willReturn(aResponse().withStatus(308).withHeader("Location", "/v2")));
    FEED.stubFor(get("/v2").willReturn(aResponse().withBody("ok")));
    Await.result(fetcher.fetch(url(FEED, "/v1"), HttpFetcher.ACCEPT_JSON, Map.of("Authorization", "Bearer t"), null,
        null));
    FEED.verify(getRequestedFor(urlEqualTo("/v2")).withHeader("Authorization", equalTo("Bearer t")));
  }

  @Test
  void moreThanFiveRedirectsAreAnError() {
    for (int i = 0; i < 7; i++) {
      FEED.stubFor(get("/r" + i).willReturn(aResponse().withStatus(302).withHeader("Location", "/r" + (i + 1))));
    }
    assertThat(Await.failure(fetcher.fetch(url(FEED, "/r0"), null, null))).hasMessageContaining("more than 5 redirects");
  }

  @Test
  void aFeedOnAnAllowedHostIsReadAfterRedirects() {
    FEED.stubFor(get("/old").willReturn(aResponse().withStatus(301).withHeader("Location", "/new")));
    FEED.stubFor(get("/new").willReturn(aResponse().withBody("<rss/>")));
    assertThat(Await.result(fetcher.fetch(url(FEED, "/old"), null, null)).body().toString()).isEqualTo("<rss/>");
  }

  private static String url(WireMockServer server, String path) {
    return "http://localhost:" + server.port() + path;
  }
}
