package nl.webcare.connector.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.webcare.config.WebcareConfig;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.PollResult;
import nl.webcare.mention.Mention;
import nl.webcare.support.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedConnectorTest {
  private static final int TIMEOUT_MS = 1000;
  private static final int MAX_BYTES = 16 * 1024;

  private static Vertx vertx;
  private static WorkerExecutor parsers;
  private static WireMockServer wiremock;

  @BeforeAll
  static void startServers() {
    vertx = Vertx.vertx();
    parsers = vertx.createSharedWorkerExecutor("test-parsers", 2);
    wiremock = new WireMockServer(options().dynamicPort());
    wiremock.start();
  }

  @AfterAll
  static void stopServers() {
    wiremock.stop();
    Await.result(vertx.close());
  }

  @BeforeEach
  void reset() {
    wiremock.resetAll();
  }

  @Test
  void rssItemsBecomeMentionsWithPlainTextAuthorAndLanguage() {
    // GIVEN a forum RSS feed with HTML descriptions, a repeated item and an item without any text
    serve("/forum.rss", fixture("rss-forum.xml"), "application/rss+xml; charset=utf-8");
    // WHEN it is polled
    PollResult result = poll(feedConnector("forum", "/forum.rss", Map.of()), Map.of());
    // THEN every item with text is a mention, HTML is gone, and the empty item is counted as skipped
    assertThat(result.mentions()).extracting(Mention::externalId).containsExactly("topic-1", "topic-2", "topic-1");
    Mention first = result.mentions().get(0);
    assertThat(first.text()).isEqualTo("This is the worst delivery service I have ever used. Terrible, awful, a complete disaster.");
    assertThat(first.author()).isEqualTo("alice");
    assertThat(first.language()).isEqualTo("en");
    assertThat(first.url()).isEqualTo("https://forum.test/t/1");
    assertThat(first.publishedAt()).isEqualTo(java.time.Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(first.id()).isEqualTo(Mention.idFor("forum", "topic-1"));
    assertThat(result.skipped()).isEqualTo(1);
  }

  @Test
  void atomEntriesKeepAuthorLinkAndDecodedText() {
    serve("/social.atom", fixture("atom-social.xml"), "application/atom+xml");
    PollResult result = poll(feedConnector("social", "/social.atom", Map.of("channel", "social")), Map.of());
    assertThat(result.mentions()).hasSize(2);
    Mention angry = result.mentions().get(0);
    assertThat(angry.text()).isEqualTo("The service was slow & the staff were rude. I am very angry and disappointed.");
    assertThat(angry.author()).isEqualTo("@carol");
    assertThat(angry.url()).isEqualTo("https://social.test/@carol/1");
    assertThat(angry.channel()).isEqualTo("social");
  }

  @Test
  void appStoreReviewsCarryRatingVersionAndTextContent() {
    // GIVEN an App Store customer-review feed, whose first entry describes the app itself
    serve("/appstore.xml", fixture("appstore-reviews.xml"), "text/xml; charset=UTF-8");
    PollResult result = poll(feedConnector("app", "/appstore.xml", Map.of("preset", "appstore", "language", "nl")),
        Map.of());
    // THEN only the reviews become mentions, with stars, app version and the text (not the HTML) body
    assertThat(result.mentions()).extracting(Mention::rating).containsExactly(1, 5);
    Mention review = result.mentions().get(0);
    assertThat(review.productVersion()).isEqualTo("8.1.0");
    assertThat(review.channel()).isEqualTo("appstore");
    assertThat(review.title()).isEqualTo("Overschrijving kwijt");
    assertThat(review.text()).startsWith("Mijn overschrijving van gisteren").doesNotContain("<table");
    assertThat(review.author()).isEqualTo("Klant123");
    assertThat(review.language()).isEqualTo("nl");
  }

  @Test
  void theLanguageOnTheFeedsRootElementIsUsedWhenTheConnectorSetsNone() {
    serve("/appstore-nl.xml", fixture("appstore-reviews.xml"), "text/xml; charset=UTF-8");
    PollResult result = poll(feedConnector("app-nl", "/appstore-nl.xml", Map.of("preset", "appstore")), Map.of());
    assertThat(result.mentions()).extracting(Mention::language).containsOnly("nl");
  }

  @Test
  void conditionalGetSendsTheCursorAndA304ChangesNothing() {
    // GIVEN a feed that answered with an ETag and Last-Modified before
    wiremock.stubFor(get("/cond.rss").withHeader("If-None-Match", absent())
        .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"v1\"")
            .withHeader("Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT").withBody(fixture("rss-forum.xml"))));
    wiremock.stubFor(get("/cond.rss").withHeader("If-None-Match", equalTo("\"v1\""))
        .willReturn(aResponse().withStatus(304)));
    FeedConnector connector = feedConnector("cond", "/cond.rss", Map.of());
    PollResult first = poll(connector, Map.of());
    assertThat(first.nextCursor()).containsEntry("etag", "\"v1\"")
        .containsEntry("lastModified", "Tue, 24 Nov 2026 10:00:00 GMT");
    // WHEN it is polled again with that cursor
    PollResult second = poll(connector, first.nextCursor());
    // THEN the request was conditional, the answer 304, and the cursor stays
    wiremock.verify(getRequestedFor(urlEqualTo("/cond.rss")).withHeader("If-None-Match", equalTo("\"v1\""))
        .withHeader("If-Modified-Since", equalTo("Tue, 24 Nov 2026 10:00:00 GMT")));
    assertThat(second.notModified()).isTrue();
    assertThat(second.mentions()).isEmpty();
    assertThat(second.nextCursor()).isEqualTo(first.nextCursor());
  }

  @Test
  void serverErrorIsReportedWithItsStatus() {
    wiremock.stubFor(get("/down.rss").willReturn(aResponse().withStatus(500).withBody("oops")));
    Throwable error = pollFailure(feedConnector("down", "/down.rss", Map.of()));
    assertThat(error).isInstanceOf(ConnectorException.class).hasMessageContaining("HTTP 500");
  }

  @Test
  void rateLimitIsReportedWithRetryAfter() {
    wiremock.stubFor(get("/busy.rss").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
    Throwable error = pollFailure(feedConnector("busy", "/busy.rss", Map.of()));
    assertThat(error).hasMessageContaining("HTTP 429").hasMessageContaining("Retry-After: 120");
  }

  @Test
  void slowResponsePastTheTimeoutFails() {
    wiremock.stubFor(get("/slow.rss").willReturn(aResponse().withStatus(200).withBody(fixture("rss-forum.xml"))
        .withFixedDelay(TIMEOUT_MS * 3)));
    Throwable error = pollFailure(feedConnector("slow", "/slow.rss", Map.of()));
    assertThat(error).hasMessageContaining("no complete answer within " + TIMEOUT_MS + " ms");
  }

  @Test
  void dribblingBodyPastTheDeadlineFails() {
    // The body arrives in chunks, each well within the idle timeout, but the whole takes too long.
    wiremock.stubFor(get("/dribble.rss").willReturn(aResponse().withStatus(200).withBody(fixture("rss-forum.xml"))
        .withChunkedDribbleDelay(20, TIMEOUT_MS * 3)));
    Throwable error = pollFailure(feedConnector("dribble", "/dribble.rss", Map.of()));
    assertThat(error).hasMessageContaining("no complete answer within");
  }

  @Test
  void connectionResetIsReported() {
    wiremock.stubFor(get("/reset.rss").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    Throwable error = pollFailure(feedConnector("reset", "/reset.rss", Map.of()));
    assertThat(error).isInstanceOf(ConnectorException.class).hasMessageContaining("could not read the source");
  }

  @Test
  void aNetscapeRss091FeedWithItsDoctypeIsReadWithoutFetchingTheDtd() {
    String feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD"
        + " RSS 0.91//EN\" \"http://127.0.0.1:" + wiremock.port() + "/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel>"
        + "<title>Forum</title><link>https://x.test/</link><description>d</description><language>nl</language>"
        + "<item><title>Slechte service&nbsp;bij de caf&eacute;</title><link>https://x.test/1</link>"
        + "<description>Nooit meer</description></item></channel></rss>";
    serve("/netscape.rss", feed, "application/rss+xml");
    PollResult result = poll(feedConnector("netscape", "/netscape.rss", Map.of()), Map.of());
    assertThat(result.mentions()).hasSize(1);
    assertThat(result.mentions().get(0).title()).contains("café");
    wiremock.verify(0, getRequestedFor(urlEqualTo("/rss-0.91.dtd")));
  }

  @Test
  void theDeclaredLanguageOfAUtf16FeedIsRead() {
    byte[] atom = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" "
        + "xml:lang=\"nl\"><title>t</title></feed>").getBytes(StandardCharsets.UTF_16LE);
    assertThat(SecureFeedParser.declaredLanguage(atom)).isEqualTo("nl");
  }

  @Test
  void datesInTheFeedsOwnLanguageAreRead() {
    String dutch = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>https://x.test/</link>"
        + "<description>d</description><language>nl-NL</language>"
        + "<item><guid>n1</guid><title>Weer geen bezorging</title><pubDate>wo, 25 nov. 2026 10:15:02 +0100</pubDate></item>"
        + "<item><guid>n2</guid><title>Factuur klopt niet</title><pubDate>zo, 01 mrt 2026 08:00:00 +0100</pubDate></item>"
        + "<item><guid>n3</guid><title>Bedankt!</title><pubDate>Mon, 02 Mar 2026 08:00:00 +0000</pubDate></item>"
        + "</channel></rss>";
    serve("/nl.rss", dutch, "application/rss+xml");
    var dutchMentions = poll(feedConnector("nl-dates", "/nl.rss", Map.of()), Map.of()).mentions();
    assertThat(dutchMentions).extracting(Mention::publishedAt).containsExactly(
        java.time.Instant.parse("2026-11-25T09:15:02Z"), java.time.Instant.parse("2026-03-01T07:00:00Z"),
        java.time.Instant.parse("2026-03-02T08:00:00Z"));
    String german = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\"><title>t</title>"
        + "<id>urn:t</id><updated>2026-11-25T10:00:00Z</updated>"
        + "<entry><id>urn:d1</id><title>Paket nie angekommen</title><updated>Mi, 25 Nov 2026 10:15:02 +0100</updated></entry>"
        + "<entry><id>urn:d2</id><title>Rechnung falsch</title><updated>Do, 12 März 2026 09:00:00 +0100</updated></entry>"
        + "</feed>";
    serve("/de.atom", german, "application/atom+xml");
    var germanMentions = poll(feedConnector("de-dates", "/de.atom", Map.of()), Map.of()).mentions();
    assertThat(germanMentions).extracting(Mention::publishedAt).containsExactly(
        java.time.Instant.parse("2026-11-25T09:15:02Z"), java.time.Instant.parse("2026-03-12T08:00:00Z"));
  }

  @Test
  void entityExpansionIsRefused() {
    String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n<rss version=\"2.0\"><channel>"
        + "<title>t</title><item><title>&d;&d;&d;&d;</title></item></channel></rss>";
    serve("/laughs.rss", laughs, "application/rss+xml");
    assertThat(pollFailure(feedConnector("laughs", "/laughs.rss", Map.of()))).hasMessageContaining("declares entities");
  }

  @Test
  void theEncodingComesFromTheBomOrTheHttpHeaderWhenTheXmlDoesNotSay() {
    String body = "<rss version=\"2.0\"><channel><title>t</title><link>https://x.test/</link><description>d</description>"
        + "<item><guid>u1</guid><title>Caf\u00e9 dicht, w\u00e9\u00e9r geen koffie</title></item></channel></rss>";
    byte[] utf16 = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + body).getBytes(StandardCharsets.UTF_16LE);
    wiremock.stubFor(get("/utf16.rss").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/rss+xml").withBody(utf16)));
    assertThat(poll(feedConnector("utf16", "/utf16.rss", Map.of()), Map.of()).mentions().get(0).title())
        .isEqualTo("Café dicht, wéér geen koffie");
    wiremock.stubFor(get("/latin1.rss").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/rss+xml; charset=ISO-8859-1")
        .withBody(body.getBytes(StandardCharsets.ISO_8859_1))));
    assertThat(poll(feedConnector("latin1", "/latin1.rss", Map.of()), Map.of()).mentions().get(0).title())
        .isEqualTo("Café dicht, wéér geen koffie");
  }

  @Test
  void doubleEscapedHtmlIsStrippedAndEntriesWithoutIdOrTextAreCountedAsSkipped() {
    String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><link>https://x.test/</link>"
        + "<description>d</description>"
        + "<item><guid>r1</guid><title>Post</title><description>&amp;lt;div class=&amp;quot;md&amp;quot;&amp;gt;"
        + "&amp;lt;p&amp;gt;My order never came&amp;lt;/p&amp;gt;&amp;lt;/div&amp;gt;</description></item>"
        + "<item><description>no guid, no link, no title</description></item>"
        + "</channel></rss>";
    serve("/escaped.rss", feed, "application/rss+xml");
    PollResult result = poll(feedConnector("escaped", "/escaped.rss", Map.of()), Map.of());
    assertThat(result.mentions()).hasSize(1);
    assertThat(result.mentions().get(0).text()).isEqualTo("My order never came").doesNotContain("<", "div");
    assertThat(result.skipped()).isEqualTo(1);
    assertThat(result.figures()).containsEntry(FeedConnector.SKIPPED_FIGURE,
        "1 (entries without guid, link or title, or without text)");
  }

  @Test
  void malformedXmlIsReportedAsMalformed() {
    serve("/broken.rss", fixture("malformed.xml"), "application/rss+xml");
    Throwable error = pollFailure(feedConnector("broken", "/broken.rss", Map.of()));
    assertThat(error).hasMessageStartingWith("malformed feed");
  }

  @Test
  void garbageBodyIsReportedAsMalformed() {
    serve("/garbage.rss", "{\"this\": \"is json, not a feed\"}", "application/json");
    Throwable error = pollFailure(feedConnector("garbage", "/garbage.rss", Map.of()));
    assertThat(error).hasMessageStartingWith("malformed feed");
  }

  @Test
  void doctypeWithExternalEntityIsRefusedAndNothingIsReadFromDisk() throws IOException {
    // GIVEN a secret file on disk and a feed whose DOCTYPE declares an entity that reads it
    Path secret = Files.createTempFile("webcare-secret", ".txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<rss version=\"2.0\"><channel><title>t</title><link>https://x.test/</link><description>d</description>"
        + "<item><guid>1</guid><title>&xxe;</title><description>&xxe;</description></item></channel></rss>";
    serve("/xxe.rss", hostile, "application/rss+xml");
    // WHEN it is polled THEN the feed is refused for its DOCTYPE and no mention can carry the secret
    Throwable error = pollFailure(feedConnector("xxe", "/xxe.rss", Map.of()));
    assertThat(error).hasMessageContaining("DOCTYPE").hasMessageNotContaining("TOP-SECRET");
  }

  @Test
  void bodyOverTheCapIsRefusedWhenTheLengthIsAnnounced() {
    serve("/huge.rss", "x".repeat(MAX_BYTES + 1), "application/rss+xml");
    Throwable error = pollFailure(feedConnector("huge", "/huge.rss", Map.of()));
    assertThat(error).hasMessageContaining("larger than the limit of " + MAX_BYTES + " bytes");
  }

  @Test
  void chunkedBodyOverTheCapIsRefusedWhileReading() {
    // No Content-Length: the cap has to be enforced while the chunks come in.
    wiremock.stubFor(get("/huge-chunked.rss").willReturn(aResponse().withStatus(200)
        .withHeader("Transfer-Encoding", "chunked").withBody("y".repeat(MAX_BYTES * 4))));
    Throwable error = pollFailure(feedConnector("hugechunked", "/huge-chunked.rss", Map.of()));
    assertThat(error).hasMessageContaining("larger than the limit");
  }

  @Test
  void feedWithoutItemsGivesNoMentions() {
    serve("/empty.rss", fixture("empty.xml"), "application/rss+xml");
    PollResult result = poll(feedConnector("empty", "/empty.rss", Map.of()), Map.of());
    assertThat(result.mentions()).isEmpty();
    assertThat(result.notModified()).isFalse();
  }

  private static FeedConnector feedConnector(String name, String path, Map<String, Object> options) {
    ConnectorDefinition definition = new ConnectorDefinition(name, "feed", "testbrand",
        "http://127.0.0.1:" + wiremock.port() + path, Duration.ofSeconds(60), true, options);
    WebcareConfig.Connectors limits = new WebcareConfig.Connectors("connectors", TIMEOUT_MS, MAX_BYTES,
        Duration.ofSeconds(1), Duration.ofSeconds(10));
    ConnectorContext context = new ConnectorContext(vertx, vertx.createHttpClient(), parsers, limits, null, Map.of(), nl.webcare.support.TestConfig.localGuard());
    return (FeedConnector) new FeedConnectorType().create(definition, context);
  }

  private static PollResult poll(FeedConnector connector, Map<String, String> cursor) {
    return Await.result(connector.poll(cursor), Duration.ofSeconds(10));
  }

  private static Throwable pollFailure(FeedConnector connector) {
    return Await.failure(connector.poll(Map.of()));
  }

  private static void serve(String path, String body, String contentType) {
    wiremock.stubFor(get(path).willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body)));
  }

  static String fixture(String name) {
    try (InputStream in = FeedConnectorTest.class.getClassLoader().getResourceAsStream("feeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
