package nl.webcare.connector.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static nl.webcare.support.ConnectorHarness.fixture;
import static nl.webcare.support.ConnectorHarness.poll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nl.webcare.connector.Connector;
import nl.webcare.connector.PollResult;
import nl.webcare.mention.Mention;
import nl.webcare.support.ConnectorHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each feed preset against its source's real feed format. */
class FeedPresetTest {
  @RegisterExtension
  static final ConnectorHarness harness = new ConnectorHarness(Map.of());

  @Test
  void presetsBuildTheirSourcesUrlsFromAFewOptions() {
    assertThat(url(Map.of("preset", "appstore", "appId", "900000002", "country", "BE")))
        .isEqualTo("https://itunes.apple.com/be/rss/customerreviews/page=1/id=900000002/sortby=mostrecent/xml");
    assertThat(url(Map.of("preset", "reddit", "query", "\"acme energie\"")))
        .isEqualTo("https://www.reddit.com/search.rss?q=%22acme+energie%22&sort=new");
    assertThat(url(Map.of("preset", "reddit", "subreddit", "r/thenetherlands")))
        .isEqualTo("https://www.reddit.com/r/thenetherlands/new.rss");
    assertThat(url(Map.of("preset", "mastodon", "instance", "https://mastodon.social/", "tag", "#acme")))
        .isEqualTo("https://mastodon.social/tags/acme.rss");
    assertThat(url(Map.of("preset", "mastodon", "instance", "mastodon.social", "account", "@acme_nl")))
        .isEqualTo("https://mastodon.social/@acme_nl.rss");
    assertThat(url(Map.of("preset", "google-news", "query", "acme energie", "language", "nl")))
        .isEqualTo("https://news.google.com/rss/search?q=acme+energie&hl=nl&gl=NL&ceid=NL:nl");
    assertThat(url(Map.of("preset", "hackernews", "query", "acme"))).isEqualTo("https://hnrss.org/newest?q=acme");
    assertThat(url(Map.of("preset", "youtube", "channelId", "UCabcdefghijklmnopqrstuv")))
        .isEqualTo("https://www.youtube.com/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv");
    // options that would change the path, and missing ones, are refused with the key's name
    assertThatThrownBy(() -> url(Map.of("preset", "reddit", "subreddit", "../../admin")))
        .hasMessageContaining("subreddit");
    assertThatThrownBy(() -> url(Map.of("preset", "hackernews"))).hasMessageContaining("query");
    assertThatThrownBy(() -> url(Map.of("preset", "appstore", "appId", "abc"))).hasMessageContaining("appId");
    assertThatThrownBy(() -> url(Map.of("preset", "youtube", "channelId", "x", "query", "y")))
        .hasMessageContaining("unknown key query");
  }

  @Test
  void redditLosesItsSubmittedByFooterAndKeepsTheAuthorsName() {
    List<Mention> mentions = read("reddit", "/reddit.atom", "feeds/presets/reddit-search.atom", "application/atom+xml");
    Mention post = mentions.get(0);
    assertThat(post.channel()).isEqualTo("reddit");
    assertThat(post.author()).isEqualTo("pietjepuk");
    assertThat(post.details().authorHandle()).isEqualTo("pietjepuk");
    assertThat(post.text()).isEqualTo(
        "Al drie weken wacht ik op mijn eindafrekening van Acme Energie. Klantenservice reageert niet op mails. Iemand ervaring?");
    // a link post has no body: its title is what was said
    assertThat(mentions.get(1).text()).isEqualTo("Acme Energie verhoogt vaste leveringskosten per 1 januari");
  }

  @Test
  void redditsOlderRssFormatGivesTheAuthorFromItsFooter() {
    Mention post = read("reddit", "/r/thenetherlands/new.rss", "feeds/presets/reddit-old.rss", "application/rss+xml")
        .get(0);
    assertThat(post.author()).isEqualTo("klantje_42");
    assertThat(post.details().authorHandle()).isEqualTo("klantje_42");
    assertThat(post.text()).isEqualTo(
        "Sinds vanochtend kan ik niet meer inloggen in de app van Acme Energie. Iemand anders ook?");
    assertThat(post.publishedAt()).isEqualTo(java.time.Instant.parse("2026-11-25T09:15:02Z"));
    assertThat(post.language()).isEqualTo("nl");
  }

  @Test
  void mastodonTakesTheAuthorFromThePostLinkAndSkipsMediaOnlyPosts() {
    PollResult result = pollPreset("mastodon", "/mastodon.rss", "feeds/presets/mastodon-tag.rss", "application/rss+xml");
    assertThat(result.mentions()).hasSize(1);
    assertThat(result.skipped()).isEqualTo(1);
    Mention post = result.mentions().get(0);
    assertThat(post.details().authorHandle()).isEqualTo("els@mastodon.example");
    assertThat(post.title()).isNull();
    assertThat(post.text()).startsWith("Storing bij #acmeenergie al sinds vanochtend");
  }

  @Test
  void googleNewsSplitsHeadlineAndPublisher() {
    Mention news = read("google-news", "/news.rss", "feeds/presets/google-news.rss", "application/rss+xml").get(0);
    assertThat(news.channel()).isEqualTo("news");
    assertThat(news.title()).isEqualTo("Storing bij Acme Energie treft duizenden huishoudens in Utrecht");
    assertThat(news.fullText()).isEqualTo(news.title());
    assertThat(news.author()).isEqualTo("NOS");
    assertThat(news.language()).isEqualTo("nl");
  }

  @Test
  void googleAlertsLinkToTheRealPageAndLoseTheirBoldTags() {
    Mention alert = read("google-alerts", "/alerts.atom", "feeds/presets/google-alerts.atom", "application/atom+xml").get(0);
    assertThat(alert.url()).isEqualTo("https://www.consumentenbond.example/nieuws/acme-jaarnota");
    assertThat(alert.title()).isEqualTo("Klanten boos over late jaarnota Acme Energie");
    assertThat(alert.text()).startsWith("Tientallen klanten van Acme Energie melden");
  }

  @Test
  void hackerNewsCountsPointsAndCommentsAsEngagement() {
    Mention story = read("hackernews", "/hn.rss", "feeds/presets/hnrss.rss", "application/rss+xml").get(0);
    assertThat(story.channel()).isEqualTo("hackernews");
    assertThat(story.text()).isEqualTo("Acme Cloud leaked customer API keys in public bucket");
    assertThat(story.author()).isEqualTo("throwaway42");
    assertThat(story.details().engagement()).isEqualTo(80);
  }

  @Test
  void youtubeReadsTheVideoDescriptionAndRatings() {
    Mention video = read("youtube", "/yt.atom", "feeds/presets/youtube.atom", "application/atom+xml").get(0);
    assertThat(video.channel()).isEqualTo("youtube");
    assertThat(video.title()).isEqualTo("Acme Energie: waarom mijn termijnbedrag verdubbelde");
    assertThat(video.text()).startsWith("Mijn termijnbedrag bij Acme Energie ging van 120 naar 240 euro");
    assertThat(video.details().engagement()).isEqualTo(412);
    assertThat(video.url()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXc1");
  }

  @Test
  void appStoreReadsFurtherPagesWhileTheyHaveReviews() {
    // GIVEN three pages configured, page 1 and 2 with reviews and page 3 empty
    String base = harness.baseUrl() + "/nl/rss/customerreviews/page=1/id=900000002/sortby=mostrecent/xml";
    String page1 = ConnectorHarness.resource("feeds/appstore-reviews.xml");
    String page2 = page1.replace("11000000001", "11000000101").replace("11000000002", "11000000102")
        .replace("11000000003", "11000000103");
    harness.remote.stubFor(get(urlEqualTo("/nl/rss/customerreviews/page=1/id=900000002/sortby=mostrecent/xml"))
        .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(page1)));
    harness.remote.stubFor(get(urlEqualTo("/nl/rss/customerreviews/page=2/id=900000002/sortby=mostrecent/xml"))
        .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(page2)));
    harness.remote.stubFor(get(urlEqualTo("/nl/rss/customerreviews/page=3/id=900000002/sortby=mostrecent/xml"))
        .willReturn(fixture("feeds/empty.xml", "application/xml")));
    Connector connector = harness.connector("app", "feed", Map.of("url", base, "preset", "appstore", "pages", 5));

    PollResult result = poll(connector, Map.of());

    // THEN both pages' reviews are read, with stars and versions, and page 4 is never asked for
    int perPage = (int) poll(harness.connector("one-page", "feed", Map.of("url", base, "preset", "appstore")), Map.of())
        .mentions().size();
    assertThat(result.mentions()).hasSize(perPage * 2);
    assertThat(result.mentions()).allSatisfy(m -> assertThat(m.rating()).isBetween(1, 5));
    assertThat(result.mentions().stream().map(Mention::externalId).distinct()).hasSize(perPage * 2);
    harness.remote.verify(0, getRequestedFor(urlEqualTo("/nl/rss/customerreviews/page=4/id=900000002/sortby=mostrecent/xml")));
  }

  private static String url(Map<String, Object> keys) {
    return harness.definition("x", "feed", keys).url();
  }

  private static List<Mention> read(String preset, String path, String fixture, String contentType) {
    return pollPreset(preset, path, fixture, contentType).mentions();
  }

  private static PollResult pollPreset(String preset, String path, String fixture, String contentType) {
    harness.remote.stubFor(get(urlEqualTo(path)).willReturn(fixture(fixture, contentType)));
    Connector connector = harness.connector(preset.replace("-", ""), "feed",
        Map.of("url", harness.baseUrl() + path, "preset", preset));
    return poll(connector, Map.of());
  }
}
