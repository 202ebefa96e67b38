package nl.webcare.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.ReplyChannel;
import nl.webcare.connector.ReplyChannels;
import nl.webcare.mention.MentionStore;
import nl.webcare.mention.ScoredMention;
import nl.webcare.metrics.WebcareMetrics;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.Case;
import nl.webcare.worklist.CaseCommand;
import nl.webcare.worklist.CaseHandoff;
import nl.webcare.worklist.CaseMove;
import nl.webcare.worklist.CaseReply;
import nl.webcare.worklist.HandoffConfirmation;
import nl.webcare.worklist.ReplyLengths;
import nl.webcare.worklist.ReplyTemplates;
import nl.webcare.worklist.TemplateText;
import nl.webcare.worklist.Transition;
import nl.webcare.worklist.Worklist;

/** {@link CaseReplies} through the connectors' reply channels, counting replies and first responses. */
public final class ChannelCaseReplies implements CaseReplies {
  private final Worklist worklist;
  private final MentionStore mentions;
  private final ReplyChannels channels;
  private final ReplyTemplates templates;
  private final CaseViews views;
  private final ZoneId zone;
  private final WebcareMetrics metrics;
  private final SurveyOffer surveys;
  private final LabelRecorder labels;

  /** @param surveys the survey a closing reply may carry ({@code survey} settings, the public address of links) */
  public ChannelCaseReplies(Worklist worklist, MentionStore mentions, ReplyChannels channels, ReplyTemplates templates,
      CaseViews views, ZoneId zone, WebcareMetrics metrics, nl.webcare.performance.Surveys surveys,
      nl.webcare.config.WebcareConfig.Survey survey, String publicUrl, LabelRecorder labels) {
    this.labels = labels;
    this.surveys = new SurveyOffer(surveys, survey, publicUrl);
    this.worklist = worklist;
    this.mentions = mentions;
    this.channels = channels;
    this.templates = templates;
    this.views = views;
    this.zone = zone;
    this.metrics = metrics;
  }

  @Override
  public Future<Replied> reply(String caseId, Actor actor, ReplyRequest request) {
    if ((request.text() == null) == (request.template() == null)) {
      return Future.failedFuture(CaseRefusal.invalid("missing_field", "give either text or template"));
    }
    return replyable(caseId, actor).compose(c -> (request.text() != null ? Future.succeededFuture(request.text())
        : fromTemplate(request.template(), c, actor))
        .compose(written -> worklist.lastMentionId(caseId).compose(mentions::find)
            .compose(mention -> offer(c, mention, written, request.resolve())
                .compose(offer -> send(mention, offer.text(), request.link(), actor)
                    // not sent (too long, the channel refused): the survey was never offered
                    .recover(error -> surveys.withdraw(c, offer).otherwiseEmpty()
                        .compose(v -> Future.<CaseReply>failedFuture(error)))
                    .compose(reply -> keepAndMove(caseId, actor, reply))
                    .compose(replied -> request.resolve() ? close(caseId, actor, replied, offer)
                        : Future.succeededFuture(replied))))));
  }

  /** A closing reply's survey, when it may carry one; any other reply as written. */
  private Future<SurveyOffer.Offer> offer(Case c, ScoredMention mention, String text, boolean closing) {
    if (!closing || mention == null) {
      return Future.succeededFuture(SurveyOffer.Offer.without(text, null));
    }
    ReplyChannel channel = channels.forSource(mention.mention().source()).orElse(null);
    return channel == null ? surveys.offer(c, text, String::length, ReplyLengths.max(mention.mention().channel()))
        : surveys.offer(c, text, channel::length, channel.maxLength());
  }

  /** After a closing reply: the survey noted on the case, and the case resolved. */
  private Future<Replied> close(String id, Actor actor, Replied replied, SurveyOffer.Offer offer) {
    Future<Void> noted = offer.sent() ? worklist.apply(id, actor, new CaseCommand.SurveySent(Instant.now())).mapEmpty()
        : Future.succeededFuture();
    return noted.compose(v -> worklist.apply(id, actor, new CaseCommand.Resolve(null))).compose(t -> {
      if (t.outcome() != Transition.Outcome.DONE) {
        return Future.failedFuture(new CaseRefusal(CaseRefusal.Kind.CONFLICT, "case_changed", "the reply was sent "
            + "and kept, but the case could not be resolved (" + t.outcome().name().toLowerCase(java.util.Locale.ROOT)
            + ")", new JsonObject(replied.reply().encode()).getMap()));
      }
      metrics.resolved(t.current().team(), t.current().channel(),
          Duration.between(t.current().openedAt(), t.at()), t.current().figures().handleTime());
      return views.view(t.current()).map(view -> new Replied(view, replied.reply(),
          new SurveyNote(offer.sent(), offer.reason())));
    });
  }

  /** The case, when this actor may reply to it now; checked again, atomically, by the move itself. */
  private Future<Case> replyable(String id, Actor actor) {
    return worklist.find(id).compose(c -> {
      if (c == null) {
        return Future.failedFuture(CaseRefusal.notFound(id));
      }
      if (!actor.worksIn(c.team())) {
        return Future.failedFuture(WorklistCaseWork.otherTeam(id, c.team()));
      }
      CaseMove.Decision decision = CaseMove.REPLY.decide(c.state(), c.assignee(), actor, null);
      if (decision.outcome() != Transition.Outcome.DONE) {
        return Future.failedFuture(WorklistCaseWork.refusal(id, new CaseCommand.Reply(null),
            new Transition(decision.outcome(), decision.state(), decision.holder(), c, Instant.now(), null)));
      }
      return Future.succeededFuture(c);
    });
  }

  private Future<String> fromTemplate(String name, Case c, Actor actor) {
    String language = c.language() == null ? "en" : c.language();
    return templates.find(name, language)
        .compose(t -> t != null || "en".equals(language) ? Future.succeededFuture(t) : templates.find(name, "en"))
        .compose(t -> t == null
            ? Future.failedFuture(CaseRefusal.invalid("bad_field", "there is no template " + name
                + ("en".equals(language) ? " in English" : " in " + language + " or in English")))
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
        return Future.failedFuture(CaseRefusal.invalid("missing_field", "Webcare cannot reply on " + m.channel()
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
            ? new CaseRefusal(CaseRefusal.Kind.UPSTREAM, "channel_error", m.channel() + " refused the reply: "
                + error.getMessage(), Map.of())
            : error instanceof IllegalArgumentException ? CaseRefusal.invalid("bad_field", error.getMessage()) : error))
        .map(postId -> new CaseReply(Instant.now(), actor.name(), text, m.channel(), m.externalId(), postId, link));
  }

  private static CaseRefusal tooLong(int length, int max, String channel) {
    return new CaseRefusal(CaseRefusal.Kind.INVALID, "reply_too_long", "the reply is " + length + " characters; "
        + channel + " takes " + max, Map.of("length", length, "max", max));
  }

  /** The reply went out: the worklist keeps it whatever happens next, then moves the case to waiting. */
  private Future<Replied> keepAndMove(String id, Actor actor, CaseReply reply) {
    return worklist.apply(id, actor, new CaseCommand.Reply(reply)).compose(t -> {
      count(reply, t);
      if (t.outcome() != Transition.Outcome.DONE) {
        return Future.failedFuture(new CaseRefusal(CaseRefusal.Kind.CONFLICT, "case_changed", "the reply was sent "
            + "and kept, but the case changed meanwhile (" + t.outcome().name().toLowerCase(java.util.Locale.ROOT)
            + ")", new JsonObject(reply.encode()).getMap()));
      }
      labels.needsReply(t.current(), true, "reply", actor); // kept on the side: never fails the reply
      return views.view(t.current()).map(view -> new Replied(view, reply));
    });
  }

  private void count(CaseReply reply, Transition t) {
    metrics.replied(reply.channel(), reply.postId() != null);
    Case c = t.current();
    // the first response time is set only once (HSETNX): it is this reply's when it holds this reply's time
    boolean first = t.outcome() == Transition.Outcome.DONE && c.firstResponseAt() != null && c.openedAt() != null
        && c.firstResponseAt().toEpochMilli() == reply.at().toEpochMilli();
    if (first) {
      metrics.firstResponse(c.team(), c.channel(), Duration.between(c.openedAt(), c.firstResponseAt()));
    }
  }

  @Override
  public Future<CaseHandoff> handoff(String caseId, Actor actor, String channel, Instant when, String agreement) {
    return confirmation(caseId, actor, channel, when, agreement).compose(confirmation -> {
      CaseHandoff handoff = new CaseHandoff(Instant.now(), actor.name(), channel, when, agreement, confirmation);
      return worklist.apply(caseId, actor, new CaseCommand.Handoff(handoff)).compose(t -> {
        if (t.outcome() != Transition.Outcome.DONE) {
          return Future.failedFuture(WorklistCaseWork.refusal(caseId, new CaseCommand.Handoff(handoff), t));
        }
        labels.needsReply(t.current(), true, "handoff", actor);
        return Future.succeededFuture(handoff);
      });
    });
  }

  @Override
  public Future<String> previewHandoff(String caseId, Actor actor, String channel, Instant when, String agreement) {
    return confirmation(caseId, actor, channel, when, agreement);
  }

  /** The written confirmation of a hand-off, in the case's language. */
  private Future<String> confirmation(String caseId, Actor actor, String channel, Instant when, String agreement) {
    if (!HandoffConfirmation.CHANNELS.contains(channel)) {
      return Future.failedFuture(CaseRefusal.invalid("bad_field", "channel must be one of "
          + HandoffConfirmation.CHANNELS));
    }
    return worklist.find(caseId).compose(c -> c == null ? Future.failedFuture(CaseRefusal.notFound(caseId))
        : Future.succeededFuture(HandoffConfirmation.text(c.language(), c.author(), channel, when, agreement, c.id(),
            actor.name(), zone)));
  }

}
