package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import nl.webcare.access.Permission;
import nl.webcare.metrics.WebcareMetrics;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.ReplyChannel;
import nl.webcare.connector.ReplyChannels;
import nl.webcare.mention.ScoredMention;
import nl.webcare.store.MentionStore;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.Case;
import nl.webcare.worklist.CaseAction;
import nl.webcare.worklist.CaseHandoff;
import nl.webcare.worklist.CaseReply;
import nl.webcare.worklist.HandoffConfirmation;
import nl.webcare.worklist.RedisReplyTemplates;
import nl.webcare.worklist.ReplyLengths;
import nl.webcare.worklist.TemplateText;
import nl.webcare.worklist.Transition;
import nl.webcare.worklist.Worklist;

/**
 * Answering the customer: {@code POST /cases/{id}/reply} sends through the channel where Webcare can
 * (X) and otherwise records where the agent replied ({@code link}); the case then waits for the customer.
 * {@code POST /cases/{id}/handoff} moves the conversation to a private channel with a written confirmation.
 */
final class ReplyRoutes {
  private static final int MAX_TEXT = 10_000;
  private final Worklist worklist;
  private final MentionStore mentions;
  private final ReplyChannels channels;
  private final RedisReplyTemplates templates;
  private final ZoneId zone;
  private final WebcareMetrics metrics;

  ReplyRoutes(Worklist worklist, MentionStore mentions, ReplyChannels channels, RedisReplyTemplates templates,
      ZoneId zone, WebcareMetrics metrics) {
    this.metrics = metrics;
    this.worklist = worklist;
    this.mentions = mentions;
    this.channels = channels;
    this.templates = templates;
    this.zone = zone;
  }

  void mount(Router api) {
    api.post("/cases/:id/reply").handler(Authentication.requires(Permission.WORK_CASES)).handler(Responses.json(this::reply));
    api.post("/cases/:id/handoff").handler(Authentication.requires(Permission.WORK_CASES))
        .handler(Responses.json(201, this::handoff));
  }

  private Future<JsonObject> reply(RoutingContext ctx) {
    String id = WorklistRoutes.caseId(ctx);
    JsonObject body = RequestReader.jsonBody(ctx);
    String text = RequestReader.optionalText(body, "text", MAX_TEXT);
    String template = RequestReader.optionalText(body, "template", 64);
    String link = RequestReader.optionalText(body, "link", 2000);
    if ((text == null) == (template == null)) {
      throw ApiException.badRequest("missing_field", "give either text or template");
    }
    if (link != null && !link.matches("https?://\\S+")) {
      throw ApiException.badRequest("bad_field", "link must be an http or https URL");
    }
    Actor actor = Authentication.actor(ctx);
    boolean withAuthor = Authentication.mayReadAuthors(ctx);
    return replyable(id, actor)
        .compose(c -> text != null ? Future.succeededFuture(text) : fromTemplate(template, c, actor))
        .compose(written -> worklist.lastMentionId(id).compose(mentions::find)
            .compose(mention -> send(mention, written, link, actor))
            .compose(reply -> recordAndMove(id, actor, reply, withAuthor)));
  }

  /** The case, when this actor may reply to it now; checked again, atomically, by the move itself. */
  private Future<Case> replyable(String id, Actor actor) {
    return worklist.find(id).compose(c -> {
      if (c == null) {
        return Future.failedFuture(ApiException.notFound("no case " + id));
      }
      if (c.assignee() != null && !c.assignee().equals(actor.name()) && !actor.mayOverride()) {
        return Future.failedFuture(new ApiException(409, "case_held", "case " + id + " is held by " + c.assignee(),
            new JsonObject().put("holder", c.assignee()).put("state", c.state().wire())));
      }
      if (!CaseAction.REPLY.allowedFrom(c.state())) {
        return Future.failedFuture(new ApiException(409, "transition_not_allowed", "a case in state "
            + c.state().wire() + " does not allow reply", new JsonObject().put("state", c.state().wire())
            .put("action", "reply")));
      }
      return Future.succeededFuture(c);
    });
  }

  private Future<String> fromTemplate(String name, Case c, Actor actor) {
    String language = c.language() == null ? "en" : c.language();
    return templates.find(name, language)
        .compose(t -> t != null || "en".equals(language) ? Future.succeededFuture(t) : templates.find(name, "en"))
        .compose(t -> t == null
            ? Future.failedFuture(ApiException.badRequest("bad_field", "no template " + name + " in " + language + " or en"))
            : Future.succeededFuture(TemplateText.render(t.text(), Map.of("author.name",
                c.author() == null ? "" : c.author(), "case.ref", c.id(), "agent.name", actor.name()))));
  }

  private Future<CaseReply> send(ScoredMention scored, String text, String link, Actor actor) {
    if (scored == null) {
      return Future.failedFuture(new IllegalStateException("the case's mention is no longer stored"));
    }
    var m = scored.mention();
    ReplyChannel channel = channels.forSource(m.source()).orElse(null);
    if (channel == null) {
      int max = ReplyLengths.max(m.channel());
      if (link == null) {
        return Future.failedFuture(ApiException.badRequest("missing_field", "Webcare cannot reply on " + m.channel()
            + " (" + m.source() + "): reply there and give the link to your reply"));
      }
      if (text.length() > max) {
        return Future.failedFuture(tooLong(text.length(), max, m.channel()));
      }
      return Future.succeededFuture(new CaseReply(Instant.now(), actor.name(), text, m.channel(), m.externalId(), null,
          link));
    }
    int length = channel.length(text);
    if (length > channel.maxLength()) {
      return Future.failedFuture(tooLong(length, channel.maxLength(), m.channel()));
    }
    return channel.reply(m.externalId(), text)
        .recover(error -> Future.failedFuture(error instanceof ConnectorException
            ? new ApiException(502, "channel_error", m.channel() + " refused the reply: " + error.getMessage())
            : error instanceof IllegalArgumentException ? ApiException.badRequest("bad_field", error.getMessage()) : error))
        .map(postId -> new CaseReply(Instant.now(), actor.name(), text, m.channel(), m.externalId(), postId, link));
  }

  private static ApiException tooLong(int length, int max, String channel) {
    return new ApiException(400, "reply_too_long", "the reply is " + length + " characters; " + channel + " takes "
        + max, new JsonObject().put("length", length).put("max", max));
  }

  /** The reply went out: it is kept whatever happens next, then the case moves to waiting. */
  private Future<JsonObject> recordAndMove(String id, Actor actor, CaseReply reply, boolean withAuthor) {
    String at = Long.toString(reply.at().toEpochMilli());
    return worklist.recordReply(id, reply)
        .compose(v -> worklist.act(id, CaseAction.REPLY, actor, null, Map.of("+firstResponseAt", at, "lastReplyAt", at),
            List.of("nextReplyDue"), new JsonObject().put("channel", reply.channel()).put("postId", reply.postId())
                .put("link", reply.link())))
        .compose(t -> {
          count(reply, t);
          return Future.succeededFuture(t);
        })
        .compose(t -> t.outcome() == Transition.Outcome.DONE
            ? mentions.find(t.current().mentionId()).map(m -> ApiJson.caseJson(t.current(), m, withAuthor)
                .put("reply", new JsonObject(reply.encode())))
            : Future.failedFuture(new ApiException(409, "case_changed", "the reply was sent and kept, but the case "
                + "changed meanwhile (" + t.outcome().name().toLowerCase() + ")", new JsonObject(reply.encode()))));
  }

  private void count(CaseReply reply, Transition t) {
    metrics.replied(reply.channel(), reply.postId() != null);
    Case c = t.current();
    // the first response time is set only once (HSETNX): it is this reply's when it holds this reply's time
    boolean first = c != null && c.firstResponseAt() != null && c.openedAt() != null
        && c.firstResponseAt().toEpochMilli() == reply.at().toEpochMilli();
    if (first) {
      metrics.firstResponse(c.team(), c.channel(), java.time.Duration.between(c.openedAt(), c.firstResponseAt()));
    }
  }

  private Future<JsonObject> handoff(RoutingContext ctx) {
    String id = WorklistRoutes.caseId(ctx);
    JsonObject body = RequestReader.jsonBody(ctx);
    String channel = RequestReader.text(body, "channel", 10);
    if (!HandoffConfirmation.CHANNELS.contains(channel)) {
      throw ApiException.badRequest("bad_field", "channel must be one of " + HandoffConfirmation.CHANNELS);
    }
    String agreement = RequestReader.text(body, "agreement", 2000);
    String whenText = RequestReader.optionalText(body, "when", 64);
    Instant when = null;
    if (whenText != null) {
      try {
        when = OffsetDateTime.parse(whenText).toInstant();
      } catch (DateTimeParseException e) {
        throw ApiException.badRequest("bad_field", "when must be a date-time with an offset, e.g. 2026-11-26T10:00:00+01:00");
      }
    }
    Actor actor = Authentication.actor(ctx);
    Instant planned = when;
    return worklist.find(id).compose(c -> {
      if (c == null) {
        return Future.failedFuture(ApiException.notFound("no case " + id));
      }
      String confirmation = HandoffConfirmation.text(c.language(), c.author(), channel, planned, agreement, c.id(),
          actor.name(), zone);
      CaseHandoff handoff = new CaseHandoff(Instant.now(), actor.name(), channel, planned, agreement, confirmation);
      return worklist.recordHandoff(id, handoff).map(done -> new JsonObject(handoff.encode()).put("caseId", id));
    });
  }
}
