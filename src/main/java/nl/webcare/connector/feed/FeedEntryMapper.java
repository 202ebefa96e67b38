package nl.webcare.connector.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.HtmlText;
import nl.webcare.mention.Mention;

/**
 * Normalises Rome entries into mentions: plain text, author, link, time and language, then lets the
 * connector's {@link FeedPreset} add what its source carries (star rating, handle, engagement ...).
 */
final class FeedEntryMapper {
  /** Longer texts are cut here when stored; the scorer reads an even shorter prefix. */
  static final int MAX_TEXT_CHARS = 200_000;

  private final ConnectorDefinition definition;
  private final String channel;
  private final FeedPreset preset;

  FeedEntryMapper(ConnectorDefinition definition, String channel, FeedPreset preset) {
    this.definition = definition;
    this.channel = channel;
    this.preset = preset;
  }

  record Mapped(List<Mention> mentions, int skipped) {
    Mapped plus(Mapped more) {
      List<Mention> all = new ArrayList<>(mentions);
      all.addAll(more.mentions());
      return new Mapped(all, skipped + more.skipped());
    }
  }

  /**
   * @param declaredLanguage the {@code xml:lang} of the document's root element, which Rome does not
   *     report for Atom feeds; null when absent
   */
  Mapped map(SyndFeed feed, String declaredLanguage, Instant fetchedAt) {
    List<Mention> mentions = new ArrayList<>();
    int skipped = 0;
    String language = language(feed, declaredLanguage);
    for (SyndEntry entry : feed.getEntries()) {
      Mention mention = toMention(entry, language, fetchedAt);
      if (mention == null) {
        skipped++;
      } else {
        mentions.add(mention);
      }
    }
    return new Mapped(mentions, skipped);
  }

  private Mention toMention(SyndEntry entry, String language, Instant fetchedAt) {
    String title = clean(entry.getTitle());
    String text = cap(body(entry));
    String externalId = firstNonBlank(entry.getUri(), entry.getLink(), title == null ? null : title + "|" + date(entry));
    if (externalId == null || (text.isEmpty() && title == null) || preset.skip(entry)) {
      return null;
    }
    Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
        : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : fetchedAt;
    Mention generic = new Mention(Mention.idFor(definition.name(), externalId), definition.name(), channel,
        definition.brand(), externalId, author(entry), title, text.isEmpty() ? title : text, link(entry),
        published, language, null, null);
    Mention refined = preset.refine(generic, entry);
    return refined.text().isBlank() ? null : refined;
  }

  private static String body(SyndEntry entry) {
    SyndContent chosen = null;
    for (SyndContent content : entry.getContents()) {
      if (chosen == null || "text".equals(content.getType())) {
        chosen = content;
      }
    }
    if (chosen == null || chosen.getValue() == null || chosen.getValue().isBlank()) {
      chosen = entry.getDescription();
    }
    return chosen == null || chosen.getValue() == null ? "" : HtmlText.toPlain(chosen.getValue());
  }

  private static String author(SyndEntry entry) {
    for (SyndPerson person : entry.getAuthors()) {
      if (person.getName() != null && !person.getName().isBlank()) {
        return person.getName().trim();
      }
    }
    return entry.getAuthor() == null || entry.getAuthor().isBlank() ? null : entry.getAuthor().trim();
  }

  private static String link(SyndEntry entry) {
    String link = entry.getLink();
    return link == null || link.isBlank() ? null : link.trim();
  }

  private String language(SyndFeed feed, String declaredLanguage) {
    String configured = definition.option("language");
    String language = configured != null ? configured
        : feed.getLanguage() != null ? feed.getLanguage() : declaredLanguage;
    if (language == null || language.length() < 2) {
      return null;
    }
    return language.substring(0, 2).toLowerCase(Locale.ROOT);
  }

  private static String clean(String text) {
    if (text == null) {
      return null;
    }
    String plain = HtmlText.toPlain(text);
    return plain.isEmpty() ? null : plain;
  }

  private static String cap(String text) {
    return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
  }

  private static String date(SyndEntry entry) {
    Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return date == null ? "" : Long.toString(date.getTime());
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }
}
