package nl.webcare.api;


import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.time.Instant;
import nl.webcare.alerts.Alert;
import nl.webcare.connector.ConnectorStatus;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionDetails;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentenceSentiment;
import nl.webcare.inbox.ScoringQueue;
import nl.webcare.privacy.Redaction;
import nl.webcare.worklist.Case;
import nl.webcare.worklist.CaseDetails;
import nl.webcare.worklist.SlaClocks;

/** Records to the API's JSON: the one place that decides what clients see. Times are ISO-8601 UTC. */
final class ApiJson {
  private ApiJson() {}

  /** A case; without {@code withAuthor} (analysts) the author's name, key and links are left out. */
  static JsonObject caseJson(Case c, ScoredMention mention, boolean withAuthor) {
    JsonObject json = new JsonObject()
        .put("id", c.id())
        .put("state", c.state().wire())
        .put("priority", c.priority())
        .put("urgency", c.urgency())
        .put("triageClass", c.triageClass().wire())
        .put("team", c.team())
        .put("assignee", c.assignee())
        .put("brand", c.brand())
        .put("source", c.source())
        .put("channel", c.channel())
        .put("language", c.language())
        .put("author", withAuthor ? c.author() : null)
        .put("authorKey", withAuthor ? c.authorKey() : null)
        .put("openedAt", time(c.openedAt()))
        .put("lastMentionAt", time(c.lastMentionAt()))
        .put("mentionCount", c.mentionCount())
        .put("firstResponseAt", time(c.sla().firstResponseAt()))
        .put("lastReplyAt", time(c.sla().lastReplyAt()))
        .put("resolvedAt", c.closure() == null ? null : time(c.closure().at()))
        .put("closedBy", c.closure() == null ? null : c.closure().by())
        .put("snoozedUntil", time(c.snoozedUntil()))
        .put("dismissReason", c.closure() == null ? null : c.closure().dismissReason())
        .put("escalationReason", c.escalation() == null ? null : c.escalation().reason())
        .put("escalatedFrom", c.escalatedFrom())
        .put("mentionId", c.mentionId())
        .put("sla", slaJson(c, java.time.Instant.now()))
        .put("figures", figuresJson(c.figures()))
        // what the customer wrote in the survey is theirs: shown to whoever may read authors
        .put("satisfactionComment", withAuthor && c.figures().satisfaction() != null
            ? c.figures().satisfaction().comment() : null);
    if (mention != null) {
      json.put("mention", mentionJson(mention, withAuthor));
    }
    return withoutNulls(json);
  }

  /**
   * A worklist row: the case without its mention, and the first {@link nl.webcare.worklist.Case#EXCERPT_CHARS} characters of what
   * the customer wrote (kept on the case; read from the mention for a case filed before cases kept it).
   */
  static JsonObject rowJson(nl.webcare.casework.CaseView v, boolean withAuthor) {
    String excerpt = v.current().excerpt() != null ? v.current().excerpt()
        : v.mention() == null ? null : nl.webcare.worklist.Case.excerptOf(v.mention().mention().fullText());
    // whoever may not read authors reads the words with e-mail addresses, phone numbers, links and handles taken out;
    // a cut excerpt loses its last, cut word first, so that half an address cannot slip past the redaction
    JsonObject row = caseJson(v.current(), null, withAuthor)
        .put("excerpt", withAuthor ? excerpt : Redaction.text(wholeWords(excerpt)));
    JsonObject sla = row.getJsonObject("sla");
    if (sla != null) {
      // the due times stay; the seconds left would age while the row is kept in the page cache
      sla.remove("firstResponseLeftSeconds");
      sla.remove("nextReplyLeftSeconds");
      sla.remove("resolutionLeftSeconds");
    }
    return row;
  }

  private static String wholeWords(String excerpt) {
    if (excerpt == null || excerpt.length() < nl.webcare.worklist.Case.EXCERPT_CHARS) {
      return excerpt;
    }
    int space = excerpt.lastIndexOf(' ');
    return space < 0 ? "" : excerpt.substring(0, space);
  }

  /** What the case keeps of its own handling (the service report adds these up). */
  private static JsonObject figuresJson(nl.webcare.worklist.CaseFigures f) {
    JsonObject held = new JsonObject();
    f.heldMs().forEach((agent, ms) -> held.put(agent, ms / 1000));
    return new JsonObject().put("replies", f.replies()).put("reopens", f.reopens())
        .put("escalations", f.escalations()).put("handoffs", f.handoffs())
        .put("handleSeconds", f.handleTime().toSeconds()).put("heldSecondsByAgent", held)
        .put("firstContactResolution", f.firstContactResolution())
        .put("surveySentAt", time(f.surveySentAt()))
        .put("satisfaction", f.satisfaction() == null ? null : f.satisfaction().score())
        .put("recovery", f.recovery() == null ? null : new JsonObject().put("before", f.recovery().before())
            .put("after", f.recovery().after()).put("mentionsAfter", f.recovery().mentionsAfter())
            .put("cameBack", f.recovery().cameBack()).put("known", f.recovery().known()));
  }

  /** Due times, time left (negative when late) and breaches of a case's two SLA clocks. */
  private static JsonObject slaJson(Case c, java.time.Instant now) {
    SlaClocks sla = c.sla();
    if (sla.band() == null) {
      return null;
    }
    JsonObject json = new JsonObject().put("band", sla.band().wire());
    if (sla.firstResponseDue() != null) {
      json.put("firstResponseDue", time(sla.firstResponseDue()));
      if (sla.firstResponseAt() == null && !c.state().closed()) {
        json.put("firstResponseLeftSeconds", java.time.Duration.between(now, sla.firstResponseDue()).toSeconds());
      }
    }
    if (sla.nextReplyDue() != null) {
      json.put("nextReplyDue", time(sla.nextReplyDue()));
      if (!c.state().closed() && c.state() != nl.webcare.worklist.CaseState.WAITING) {
        json.put("nextReplyLeftSeconds", java.time.Duration.between(now, sla.nextReplyDue()).toSeconds());
      }
    }
    if (sla.resolutionDue() != null) {
      json.put("resolutionDue", time(sla.resolutionDue()));
      if (!c.state().closed()) {
        json.put("resolutionLeftSeconds", java.time.Duration.between(now, sla.resolutionDue()).toSeconds());
      }
    }
    json.put("firstResponseBreachedAt", time(sla.firstResponseBreachedAt()))
        .put("resolutionBreachedAt", time(sla.resolutionBreachedAt()))
        .put("nextReplyBreachedAt", time(sla.nextReplyBreachedAt()))
        .put("breached", sla.firstResponseBreachedAt() != null || sla.resolutionBreachedAt() != null
            || sla.nextReplyBreachedAt() != null);
    return withoutNulls(json);
  }

  /** A case with its mention ids, notes, tags and history. */
  /**
   * A case with its mention ids, tags and history; with {@code withAuthor} also its notes, replies and
   * hand-offs, which name the customer or hold their details (analysts get their counts only).
   */
  static JsonObject caseDetailsJson(CaseDetails d, ScoredMention first, boolean withAuthor) {
    JsonArray history = new JsonArray();
    d.history().forEach(e -> history.add(new JsonObject().put("at", time(e.at())).put("actor", e.actor())
        .put("action", e.action()).put("detail", withAuthor ? e.detail() : new JsonObject())));
    JsonObject json = caseJson(d.current(), first, withAuthor)
        .put("mentionIds", new JsonArray(d.mentionIds()))
        .put("tags", new JsonArray(List.copyOf(d.tags())))
        .put("history", history);
    if (!withAuthor) {
      return json.put("noteCount", d.notes().size()).put("replyCount", d.replies().size())
          .put("handoffCount", d.handoffs().size());
    }
    JsonArray notes = new JsonArray();
    d.notes().forEach(n -> notes.add(new JsonObject().put("at", time(n.at())).put("author", n.author())
        .put("text", n.text())));
    return json.put("notes", notes)
        .put("replies", new JsonArray(d.replies().stream().map(r -> (Object) new JsonObject(r.encode())).toList()))
        .put("handoffs", new JsonArray(d.handoffs().stream().map(h -> (Object) new JsonObject(h.encode())).toList()));
  }

  static JsonObject mentionJson(ScoredMention scored) {
    return mentionJson(scored, true);
  }

  static JsonObject mentionJson(ScoredMention scored, boolean withAuthor) {
    Mention m = scored.mention();
    JsonArray sentences = new JsonArray();
    for (SentenceSentiment s : scored.sentiment().sentences()) {
      sentences.add(new JsonObject().put("index", s.index()).put("class", s.sentimentClass()).put("score", round(s.score())));
    }
    Probabilities p = scored.sentiment().probabilities();
    JsonObject sentiment = new JsonObject()
        .put("label", scored.sentiment().label().wire())
        .put("score", round(scored.sentiment().score()))
        .put("probabilities", new JsonObject().put("negative", round(p.negative())).put("neutral", round(p.neutral()))
            .put("positive", round(p.positive())))
        .put("language", scored.sentiment().language())
        .put("truncated", scored.sentiment().truncated())
        .put("sentences", sentences)
        .put("why", new JsonArray(scored.sentiment().cues().stream().distinct().toList()));
    return withoutNulls(new JsonObject()
        .put("id", m.id())
        .put("source", m.source())
        .put("channel", m.channel())
        .put("brand", m.brand())
        .put("externalId", m.externalId())
        .put("author", withAuthor ? m.author() : null)
        .put("title", withAuthor ? m.title() : Redaction.text(m.title()))
        .put("text", withAuthor ? m.text() : Redaction.text(m.text()))
        .put("url", withAuthor ? m.url() : null)
        .put("publishedAt", time(m.publishedAt()))
        .put("language", m.language())
        .put("rating", m.rating())
        .put("productVersion", m.productVersion())
        .put("social", withAuthor ? detailsJson(m.details()) : null)
        .put("sentiment", sentiment)
        .put("scoredAt", time(scored.scoredAt())));
  }

  /** Handle, reach and thread of a mention; null when the channel reported none of them. */
  private static JsonObject detailsJson(MentionDetails d) {
    JsonObject json = withoutNulls(new JsonObject()
        .put("authorHandle", d.authorHandle())
        .put("authorFollowers", d.authorFollowers())
        .put("authorVerified", d.authorVerified())
        .put("conversationId", d.conversationId())
        .put("inReplyTo", d.inReplyTo())
        .put("engagement", d.engagement())
        .put("recommends", d.recommends()));
    return json.isEmpty() ? null : json;
  }

  static JsonObject connectorJson(ConnectorStatus s) {
    return withoutNulls(new JsonObject()
        .put("name", s.name())
        .put("type", s.type())
        .put("brand", s.brand())
        .put("url", s.url())
        .put("enabled", s.enabled())
        .put("state", s.state().wire())
        .put("lastPollAt", time(s.lastPollAt()))
        .put("lastSuccessAt", time(s.lastSuccessAt()))
        .put("lastError", s.lastError())
        .put("lastErrorAt", time(s.lastErrorAt()))
        .put("consecutiveFailures", s.consecutiveFailures())
        .put("itemsSeen", s.itemsSeen())
        .put("itemsNew", s.itemsNew())
        .put("itemsIrrelevant", s.itemsIrrelevant())
        .put("nextPollAt", time(s.nextPollAt()))
        .put("note", s.note())
        .put("figures", s.figures().isEmpty() ? null : new JsonObject(new java.util.TreeMap<String, Object>(s.figures()))));
  }

  /** An alert; without {@code withAuthor} (analysts) no author fields, and an excerpt without handles or links. */
  static JsonObject alertJson(Alert alert, boolean withAuthor) {
    return nl.webcare.delivery.AlertJson.of(alert, withAuthor);
  }

  /** A dead letter; without {@code withAuthor} the message keeps no author fields and its text is redacted. */
  static JsonObject deadLetterJson(ScoringQueue.Message message, boolean withAuthor) {
    JsonObject json = new JsonObject().put("id", message.id()).put("deliveries", message.deliveries());
    JsonObject original = new JsonObject();
    message.fields().forEach((key, value) -> {
      if (key.startsWith("deadLetter.")) {
        json.put(key.substring("deadLetter.".length()), value);
      } else if (withAuthor) {
        original.put(key, value);
      } else if (!Redaction.AUTHOR_FIELDS.contains(key)) {
        original.put(key, "text".equals(key) || "title".equals(key) ? Redaction.text(value) : value);
      }
    });
    return json.put("message", original);
  }

  private static String time(Instant at) {
    return at == null ? null : at.toString();
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static JsonObject withoutNulls(JsonObject json) {
    json.getMap().values().removeIf(java.util.Objects::isNull);
    return json;
  }
}
