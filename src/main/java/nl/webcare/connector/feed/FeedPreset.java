package nl.webcare.connector.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionDetails;
import org.jdom2.Element;

/**
 * The feeds brands are talked about on, each with the URL it is read from and what its entries need
 * beyond plain RSS/Atom: App Store ratings, Reddit's "submitted by" footer, a Mastodon author taken
 * from the post link, Google's redirect links, Hacker News points, YouTube's media description.
 */
enum FeedPreset {
  /** Any RSS or Atom feed; {@code url} is required. */
  GENERIC("generic", "feed", Set.of()),
  /** App Store customer reviews ({@code appId}, {@code country}, {@code pages} 1..10). */
  APPSTORE("appstore", "appstore", Set.of("appId", "country", "pages")),
  /** Reddit search ({@code query}) or a subreddit's new posts ({@code subreddit}), Atom. */
  REDDIT("reddit", "reddit", Set.of("query", "subreddit")),
  /** A Mastodon tag ({@code instance}, {@code tag}) or account ({@code instance}, {@code account}) feed. */
  MASTODON("mastodon", "mastodon", Set.of("instance", "tag", "account")),
  /** Google News search RSS ({@code query}, {@code country}; the feed's language from {@code language}). */
  GOOGLE_NEWS("google-news", "news", Set.of("query", "country")),
  /** A Google Alerts Atom feed ({@code url} as Google gives it). */
  GOOGLE_ALERTS("google-alerts", "web", Set.of()),
  /** Hacker News through hnrss.org ({@code query}). */
  HACKER_NEWS("hackernews", "hackernews", Set.of("query")),
  /** A YouTube channel's uploads ({@code channelId}). */
  YOUTUBE("youtube", "youtube", Set.of("channelId"));

  private static final Pattern REDDIT_FOOTER = Pattern.compile("(?s)\\s*submitted by\\s+/u/\\S+.*$");
  private static final Pattern REDDIT_AUTHOR = Pattern.compile("submitted by\\s+/u/([A-Za-z0-9_-]{1,40})");
  private static final Pattern MASTODON_POST = Pattern.compile("https?://([^/]+)/@([^/]+)/\\d+");
  private static final Pattern HN_FOOTER = Pattern.compile("(?s)Article URL:.*?Points:\\s*(\\d+).*?# Comments:\\s*(\\d+)\\s*$");

  final String wire;
  final String channel;
  final Set<String> options;

  FeedPreset(String wire, String channel, Set<String> options) {
    this.wire = wire;
    this.channel = channel;
    this.options = options;
  }

  static FeedPreset of(String wire) {
    if (wire == null) {
      return GENERIC;
    }
    for (FeedPreset preset : values()) {
      if (preset.wire.equals(wire)) {
        return preset;
      }
    }
    throw new IllegalArgumentException("preset must be one of " + wires() + ", got " + wire);
  }

  static java.util.List<String> wires() {
    return java.util.Arrays.stream(values()).map(p -> p.wire).toList();
  }

  /** The feed URL built from the options, or null when this preset needs an explicit {@code url}. */
  String url(Map<String, Object> o) {
    return switch (this) {
      case GENERIC, GOOGLE_ALERTS -> null;
      case APPSTORE -> "https://itunes.apple.com/" + opt(o, "country", "nl").toLowerCase(Locale.ROOT)
          + "/rss/customerreviews/page=1/id=" + digits(o, "appId") + "/sortby=mostrecent/xml";
      case REDDIT -> o.get("subreddit") != null
          ? "https://www.reddit.com/r/" + word(o, "subreddit") + "/new.rss"
          : "https://www.reddit.com/search.rss?q=" + enc(required(o, "query")) + "&sort=new";
      case MASTODON -> o.get("tag") != null
          ? "https://" + host(o) + "/tags/" + word(o, "tag") + ".rss"
          : "https://" + host(o) + "/@" + word(o, "account") + ".rss";
      case GOOGLE_NEWS -> {
        String language = opt(o, "language", "nl");
        String country = opt(o, "country", "NL").toUpperCase(Locale.ROOT);
        yield "https://news.google.com/rss/search?q=" + enc(required(o, "query")) + "&hl=" + language + "&gl=" + country
            + "&ceid=" + country + ":" + language;
      }
      case HACKER_NEWS -> "https://hnrss.org/newest?q=" + enc(required(o, "query"));
      case YOUTUBE -> "https://www.youtube.com/feeds/videos.xml?channel_id=" + word(o, "channelId");
    };
  }

  /** What this source's entries need beyond the generic mapping; {@code base} is that mapping. */
  Mention refine(Mention base, SyndEntry entry) {
    return switch (this) {
      case GENERIC -> base;
      case APPSTORE -> with(base, base.title(), base.text(), base.author(), base.url(), stars(entry),
          FeedMarkup.text(entry, "im", "version"), base.details());
      case REDDIT -> reddit(base);
      case MASTODON -> mastodon(base);
      case GOOGLE_NEWS -> googleNews(base);
      case GOOGLE_ALERTS -> with(base, base.title(), base.text(), base.author(), unwrapGoogleLink(base.url()), null,
          null, base.details());
      case HACKER_NEWS -> hackerNews(base);
      case YOUTUBE -> youtube(base, entry);
    };
  }

  /** Older App Store feeds open with an entry about the app itself, which is no review. */
  boolean skip(SyndEntry entry) {
    return this == APPSTORE && FeedMarkup.element(entry.getForeignMarkup(), "im", "artist") != null;
  }

  private static Integer stars(SyndEntry entry) {
    Integer stars = FeedMarkup.integer(FeedMarkup.text(entry, "im", "rating"));
    return stars != null && stars >= 1 && stars <= 5 ? stars : null;
  }

  private static Mention reddit(Mention m) {
    // the Atom feed names the author; the older RSS format only in its "submitted by /u/name" footer
    Matcher footer = REDDIT_AUTHOR.matcher(m.text());
    String named = m.author() != null ? m.author() : footer.find() ? footer.group(1) : null;
    String author = named == null ? null : named.replaceFirst("^/?u/", "");
    String text = REDDIT_FOOTER.matcher(m.text()).replaceFirst("").trim();
    return with(m, m.title(), text.isEmpty() ? m.title() : text, author, m.url(), null, null, handle(m, author));
  }

  private static Mention mastodon(Mention m) {
    Matcher post = m.url() == null ? null : MASTODON_POST.matcher(m.url());
    if (post == null || !post.find()) {
      return m;
    }
    String handle = post.group(2) + "@" + post.group(1);
    // Mastodon items have no title: the generic mapping may have used the body for it
    return with(m, null, m.text(), m.author() != null ? m.author() : handle, m.url(), null, null, handle(m, handle));
  }

  private static Mention googleNews(Mention m) {
    if (m.title() == null) {
      return m;
    }
    int dash = m.title().lastIndexOf(" - ");
    String headline = dash > 0 ? m.title().substring(0, dash).trim() : m.title();
    String publisher = dash > 0 ? m.title().substring(dash + 3).trim() : m.author();
    return with(m, headline, headline, publisher, m.url(), null, null, m.details());
  }

  private static Mention hackerNews(Mention m) {
    Matcher footer = HN_FOOTER.matcher(m.text());
    if (!footer.find()) {
      return m;
    }
    String text = m.text().substring(0, footer.start()).trim();
    int engagement = Integer.parseInt(footer.group(1)) + Integer.parseInt(footer.group(2));
    return with(m, m.title(), text.isEmpty() ? m.title() : text, m.author(), m.url(), null, null,
        new MentionDetails(m.author(), null, null, null, null, engagement, null));
  }

  private static Mention youtube(Mention m, SyndEntry entry) {
    Element group = FeedMarkup.element(entry.getForeignMarkup(), "media", "group");
    if (group == null) {
      return m;
    }
    Element description = FeedMarkup.element(group.getChildren(), "media", "description");
    String text = description == null || description.getTextTrim().isEmpty() ? m.text() : description.getTextTrim();
    Element community = FeedMarkup.element(group.getChildren(), "media", "community");
    Integer engagement = null;
    if (community != null) {
      Element rating = FeedMarkup.element(community.getChildren(), "media", "starRating");
      engagement = rating == null ? null : FeedMarkup.integer(rating.getAttributeValue("count"));
    }
    return with(m, m.title(), text, m.author(), m.url(), null, null,
        new MentionDetails(null, null, null, null, null, engagement, null));
  }

  /** Google Alerts link to {@code google.com/url?...&url=REAL&...}: the reply goes to the real page. */
  static String unwrapGoogleLink(String link) {
    if (link == null) {
      return null;
    }
    try {
      URI uri = URI.create(link);
      if (uri.getHost() == null || !uri.getHost().endsWith("google.com") || uri.getRawQuery() == null) {
        return link;
      }
      for (String pair : uri.getRawQuery().split("&")) {
        if (pair.startsWith("url=") || pair.startsWith("q=")) {
          return URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
        }
      }
    } catch (IllegalArgumentException malformed) {
      return link;
    }
    return link;
  }

  private static MentionDetails handle(Mention m, String handle) {
    MentionDetails d = m.details();
    return new MentionDetails(handle, d.authorFollowers(), d.authorVerified(), d.conversationId(), d.inReplyTo(),
        d.engagement(), d.recommends());
  }

  private static Mention with(Mention m, String title, String text, String author, String url, Integer rating,
      String version, MentionDetails details) {
    return new Mention(m.id(), m.source(), m.channel(), m.brand(), m.externalId(), author, title, text, url,
        m.publishedAt(), m.language(), rating != null ? rating : m.rating(), version != null ? version : m.productVersion(),
        details);
  }

  private static String required(Map<String, Object> o, String key) {
    Object value = o.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new IllegalArgumentException("this preset needs " + key);
    }
    return String.valueOf(value).trim();
  }

  private static String opt(Map<String, Object> o, String key, String fallback) {
    Object value = o.get(key);
    return value == null ? fallback : String.valueOf(value).trim();
  }

  private static String digits(Map<String, Object> o, String key) {
    String value = required(o, key);
    if (!value.matches("\\d{1,15}")) {
      throw new IllegalArgumentException(key + " must be the numeric id, got " + value);
    }
    return value;
  }

  /** A subreddit, tag, account or channel id: letters, digits, '_' and '-', nothing that changes the path. */
  private static String word(Map<String, Object> o, String key) {
    String value = required(o, key).replaceFirst("^[@#]|^r/", "");
    if (!value.matches("[A-Za-z0-9_.-]{1,100}")) {
      throw new IllegalArgumentException(key + " must be letters, digits, '_', '.' or '-', got " + value);
    }
    return value;
  }

  private static String host(Map<String, Object> o) {
    String value = required(o, "instance").replaceFirst("^https?://", "").replaceFirst("/+$", "");
    if (!value.matches("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?")) {
      throw new IllegalArgumentException("instance must be a host name such as mastodon.social, got " + value);
    }
    return value;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
