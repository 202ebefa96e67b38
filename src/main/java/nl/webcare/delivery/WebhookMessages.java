package nl.webcare.delivery;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.webcare.alerts.Alert;

/**
 * The body of a webhook in its subscription's format. {@code json} is the Standard Webhooks envelope
 * ({@code type}, {@code timestamp}, {@code data}) that systems read; {@code slack} and {@code teams} are messages
 * that people read: what happened, the customer's words shortened, urgency, the SLA time left and a link to the
 * case, in the subscription's language (English or Dutch).
 */
public final class WebhookMessages {
  private static final int SHORT_EXCERPT = 280;
  private final String publicUrl;
  private final ZoneId zone;

  /**
   * @param publicUrl where people open Webcare (links to the case); empty: no link
   * @param zone      the brand's time zone, for due times
   */
  public WebhookMessages(String publicUrl, ZoneId zone) {
    this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    this.zone = zone;
  }

  public String body(Subscription s, Alert alert, Instant now) {
    JsonObject data = AlertJson.of(alert, s.namesAuthors());
    String link = link(alert);
    if (link != null) {
      data.put("link", link);
    }
    return switch (s.format() == null ? WebhookFormat.JSON : s.format()) {
      case JSON -> new JsonObject().put("type", alert.type()).put("timestamp", now.toString()).put("data", data)
          .encode();
      case SLACK -> slack(data, alert, link, now, "nl".equals(s.messageLanguage())).encode();
      case TEAMS -> teams(data, alert, link, now, "nl".equals(s.messageLanguage())).encode();
    };
  }

  private String link(Alert alert) {
    String caseId = alert.fields().get("caseId");
    return publicUrl.isEmpty() || caseId == null ? null : publicUrl + "/cases/" + caseId;
  }

  /** "due 10:15 (in 42 min)" or "due 10:15 (12 min late)", in the brand's zone. */
  String dueText(JsonObject data, Instant now, boolean nl) {
    String due = data.getString("due");
    if (due == null) {
      return null;
    }
    Instant at = Instant.parse(due);
    long minutes = java.time.Duration.between(now, at).toMinutes();
    String clock = DateTimeFormatter.ofPattern("EEE HH:mm", nl ? Locale.forLanguageTag("nl") : Locale.ENGLISH)
        .format(at.atZone(zone));
    String left = minutes >= 0 ? (nl ? "nog " + span(minutes, true) : "in " + span(minutes, false))
        : span(-minutes, nl) + (nl ? " te laat" : " late");
    return (nl ? "SLA " : "SLA due ") + clock + " (" + left + ")";
  }

  private static String span(long minutes, boolean nl) {
    if (minutes < 120) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    return hours < 48 ? hours + (nl ? " uur" : " h") : hours / 24 + (nl ? " dagen" : " days");
  }

  private static String excerpt(JsonObject data) {
    String text = data.getString("excerpt");
    if (text == null) {
      return null;
    }
    return text.length() <= SHORT_EXCERPT ? text : text.substring(0, SHORT_EXCERPT - 1) + "…";
  }

  private String facts(JsonObject data, Instant now, boolean nl) {
    StringBuilder out = new StringBuilder();
    append(out, data.getString("brand"));
    append(out, data.getString("team") == null ? null : (nl ? "team " : "team ") + data.getString("team"));
    if (data.getValue("urgency") != null) {
      append(out, (nl ? "urgentie " : "urgency ") + String.format(Locale.ROOT, "%.2f", data.getDouble("urgency")));
    }
    append(out, dueText(data, now, nl));
    if (data.getString("author") != null) {
      append(out, (nl ? "van " : "from ") + data.getString("author"));
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String part) {
    if (part != null && !part.isBlank()) {
      out.append(out.length() == 0 ? "" : " · ").append(part);
    }
  }

  private JsonObject slack(JsonObject data, Alert alert, String link, Instant now, boolean nl) {
    String headline = AlertHeadlines.of(data, alert.type(), nl);
    JsonArray blocks = new JsonArray().add(section("*" + slackEscape(headline) + "*"));
    String excerpt = excerpt(data);
    if (excerpt != null) {
      blocks.add(section(">" + slackEscape(excerpt).replace("\n", "\n>")));
    }
    String facts = facts(data, now, nl);
    if (!facts.isEmpty()) {
      blocks.add(new JsonObject().put("type", "context").put("elements", new JsonArray()
          .add(new JsonObject().put("type", "mrkdwn").put("text", slackEscape(facts)))));
    }
    if (link != null) {
      blocks.add(new JsonObject().put("type", "actions").put("elements", new JsonArray().add(new JsonObject()
          .put("type", "button").put("text", new JsonObject().put("type", "plain_text")
              .put("text", nl ? "Open zaak" : "Open case")).put("url", link))));
    }
    // text: what notifications and clients without blocks show
    return new JsonObject().put("text", headline + (excerpt == null ? "" : ": " + excerpt)).put("blocks", blocks);
  }

  private static JsonObject section(String mrkdwn) {
    return new JsonObject().put("type", "section")
        .put("text", new JsonObject().put("type", "mrkdwn").put("text", mrkdwn));
  }

  /** Slack's own escaping of message text: &, < and > only. */
  static String slackEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private JsonObject teams(JsonObject data, Alert alert, String link, Instant now, boolean nl) {
    JsonArray body = new JsonArray().add(new JsonObject().put("type", "TextBlock").put("text", AlertHeadlines.of(data, alert.type(), nl))
        .put("weight", "Bolder").put("size", "Medium").put("wrap", true));
    String excerpt = excerpt(data);
    if (excerpt != null) {
      body.add(new JsonObject().put("type", "TextBlock").put("text", excerpt).put("wrap", true));
    }
    JsonArray facts = new JsonArray();
    fact(facts, nl ? "Merk" : "Brand", data.getString("brand"));
    fact(facts, nl ? "Kanaal" : "Channel", data.getString("channel"));
    fact(facts, "Team", data.getString("team"));
    if (data.getValue("urgency") != null) {
      fact(facts, nl ? "Urgentie" : "Urgency", String.format(Locale.ROOT, "%.2f", data.getDouble("urgency")));
    }
    fact(facts, "SLA", dueText(data, now, nl));
    fact(facts, nl ? "Van" : "From", data.getString("author"));
    if (!facts.isEmpty()) {
      body.add(new JsonObject().put("type", "FactSet").put("facts", facts));
    }
    JsonObject card = new JsonObject().put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("type", "AdaptiveCard").put("version", "1.4").put("body", body);
    if (link != null) {
      card.put("actions", new JsonArray().add(new JsonObject().put("type", "Action.OpenUrl")
          .put("title", nl ? "Open zaak" : "Open case").put("url", link)));
    }
    return new JsonObject().put("type", "message").put("attachments", new JsonArray().add(new JsonObject()
        .put("contentType", "application/vnd.microsoft.card.adaptive").putNull("contentUrl").put("content", card)));
  }

  private static void fact(JsonArray facts, String title, String value) {
    if (value != null && !value.isBlank()) {
      facts.add(new JsonObject().put("title", title).put("value", value));
    }
  }
}
