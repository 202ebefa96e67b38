package nl.webcare.delivery;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import nl.webcare.alerts.Alert;

/**
 * The alert feed as Atom 1.0, written with Rome (the library Webcare reads feeds with): newest first, each entry
 * titled as a person reads it, with the customer's words as its summary, its type and triage class as categories
 * and a link to the case. The self link never carries a feed token.
 */
public final class AlertAtomFeed {
  private final String publicUrl;

  /** @param publicUrl where people open Webcare; empty: entries without links */
  public AlertAtomFeed(String publicUrl) {
    this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
  }

  /**
   * @param feedId   a stable id of this feed (the subscription's, or the caller's filter)
   * @param title    the feed's title
   * @param withAuthor whether entries may name the author
   */
  public String write(List<Alert> newestFirst, String feedId, String title, boolean withAuthor, boolean dutch) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setTitle(title);
    feed.setUri("urn:webcare:alerts:" + feedId);
    feed.setDescription(dutch ? "Meldingen van Webcare" : "Alerts from Webcare");
    feed.setPublishedDate(Date.from(newestFirst.isEmpty() ? Instant.EPOCH : at(newestFirst.get(0))));
    if (!publicUrl.isEmpty()) {
      SyndLink self = new SyndLinkImpl();
      self.setRel("self");
      self.setHref(publicUrl + "/api/v1/alerts.atom");
      feed.setLinks(List.of(self));
      feed.setLink(publicUrl);
    }
    List<SyndEntry> entries = new ArrayList<>();
    for (Alert alert : newestFirst) {
      entries.add(entry(alert, withAuthor, dutch));
    }
    feed.setEntries(entries);
    try {
      return new SyndFeedOutput().outputString(feed);
    } catch (FeedException e) {
      throw new IllegalStateException("the alert feed could not be written: " + e.getMessage(), e);
    }
  }

  private SyndEntry entry(Alert alert, boolean withAuthor, boolean dutch) {
    JsonObject data = AlertJson.of(alert, withAuthor);
    SyndEntry entry = new SyndEntryImpl();
    entry.setUri("urn:webcare:alert:" + alert.cursor());
    entry.setTitle(AlertHeadlines.of(data, alert.type(), dutch));
    Date when = Date.from(at(alert));
    entry.setUpdatedDate(when);
    entry.setPublishedDate(when);
    String caseId = data.getString("caseId");
    if (!publicUrl.isEmpty() && caseId != null) {
      entry.setLink(publicUrl + "/cases/" + caseId);
    }
    if (withAuthor && data.getString("author") != null) {
      entry.setAuthor(data.getString("author"));
    }
    SyndContent summary = new SyndContentImpl();
    summary.setType("text");
    summary.setValue(summary(data, dutch));
    entry.setDescription(summary);
    List<SyndCategory> categories = new ArrayList<>();
    categories.add(category(alert.type()));
    if (data.getString("triageClass") != null) {
      categories.add(category(data.getString("triageClass")));
    }
    entry.setCategories(categories);
    return entry;
  }

  private static String summary(JsonObject data, boolean dutch) {
    StringBuilder out = new StringBuilder();
    if (data.getString("excerpt") != null) {
      out.append(data.getString("excerpt"));
    }
    List<String> facts = new ArrayList<>();
    for (String name : List.of("brand", "channel", "team")) {
      if (data.getString(name) != null) {
        facts.add(data.getString(name));
      }
    }
    if (data.getValue("urgency") != null) {
      facts.add((dutch ? "urgentie " : "urgency ") + data.getValue("urgency"));
    }
    if (!facts.isEmpty()) {
      out.append(out.length() == 0 ? "" : "\n").append(String.join(" · ", facts));
    }
    return out.toString();
  }

  private static SyndCategory category(String name) {
    SyndCategory category = new SyndCategoryImpl();
    category.setName(name);
    return category;
  }

  private static Instant at(Alert alert) {
    String at = alert.fields().get("at");
    try {
      return at != null ? Instant.ofEpochMilli(Long.parseLong(at)) : idTime(alert.cursor());
    } catch (NumberFormatException e) {
      return idTime(alert.cursor());
    }
  }

  /** The time a stream id was made: its first part is milliseconds. */
  private static Instant idTime(String cursor) {
    return Instant.ofEpochMilli(Long.parseLong(cursor.substring(0, cursor.indexOf('-'))));
  }
}
