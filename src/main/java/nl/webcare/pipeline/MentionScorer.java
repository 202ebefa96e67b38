package nl.webcare.pipeline;

import java.util.List;
import nl.webcare.analytics.spikes.ActiveSpikes;
import nl.webcare.sentiment.AspectLexicon;

import nl.webcare.mention.MentionCount;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionStore;
import nl.webcare.mention.MentionCodec;
import nl.webcare.inbox.ScoringQueue;
import nl.webcare.store.StoreUnavailableException;
import nl.webcare.triage.MentionAssessor;
import nl.webcare.worklist.CaseRouter;
import nl.webcare.worklist.Worklist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one message of the mention stream: score on the scoring pool, store the scored mention,
 * open a case when it needs a reply, and only then acknowledge. Every step is idempotent, so a
 * message handled twice (after a crash between the writes and the ack) still leaves one mention,
 * one case and one alert.
 */
public final class MentionScorer {
  private static final Logger LOG = LoggerFactory.getLogger(MentionScorer.class);

  /** Deliveries without an answer per allowed attempt before a message is dead-lettered all the same. */
  static final int DELIVERIES_PER_ATTEMPT = 50;

  private final ScoringQueue queue;
  private final MentionStore mentions;
  private final Worklist worklist;
  private final CaseRouter router;
  private final MentionAssessor assessor;
  private final WorkerExecutor scoringPool;
  private final int maxAttempts;
  private final SourceRoles roles;
  private final AspectLexicon aspects;
  private final ActiveSpikes spikes;
  private final nl.webcare.learning.LiveModels models;

  /**
   * @param spikes the spikes going on, whose new cases get the crisis SLA band (never filled when that is off)
   * @param models the models learned from the team, which decide beside the rules where a brand has one
   */
  public MentionScorer(ScoringQueue queue, MentionStore mentions, Worklist worklist, CaseRouter router,
      MentionAssessor assessor, WorkerExecutor scoringPool, int maxAttempts, SourceRoles roles,
      AspectLexicon aspects, ActiveSpikes spikes, nl.webcare.learning.LiveModels models) {
    this.models = models;
    this.spikes = spikes;
    this.roles = roles;
    this.aspects = aspects;
    this.queue = queue;
    this.mentions = mentions;
    this.worklist = worklist;
    this.router = router;
    this.assessor = assessor;
    this.scoringPool = scoringPool;
    this.maxAttempts = maxAttempts;
  }

  /** What became of a message. */
  public enum Outcome {
    /** Scored and acknowledged, dead-lettered, or failed for a reason of its own (counted, to be tried again). */
    HANDLED,
    /** The store could not serve: nothing counted, the message waits for the store. */
    STORE_UNAVAILABLE
  }

  /**
   * Never fails: a failure of the mention itself is counted on the message, which stays pending for a later try;
   * one of the store is no attempt. A message is dead-lettered after {@code maxAttempts} failures of its own, or
   * after {@link #DELIVERIES_PER_ATTEMPT} times as many deliveries without an answer (a mention that brings its
   * scorer down every time; an outage of the store adds deliveries too, so the margin is wide).
   */
  public Future<Outcome> handle(ScoringQueue.Message message) {
    if (message.attempts() >= maxAttempts) {
      return queue.deadLetter(message, "failed " + maxAttempts + " times").otherwiseEmpty().map(Outcome.HANDLED);
    }
    if (message.deliveries() > (long) maxAttempts * DELIVERIES_PER_ATTEMPT) {
      return queue.deadLetter(message, "delivered " + message.deliveries() + " times without an answer")
          .otherwiseEmpty().map(Outcome.HANDLED);
    }
    Mention mention;
    try {
      mention = MentionCodec.mention(message.fields());
    } catch (RuntimeException e) {
      // A message that cannot be read will never be readable: no point in retrying it.
      return queue.deadLetter(message, "unreadable message: " + e.getMessage()).otherwiseEmpty().map(Outcome.HANDLED);
    }
    return assess(mention)
        .compose(assessed -> mentions.save(assessed.assessment().scored(), count(assessed)).map(assessed))
        .compose(assessed -> openCaseIfNeeded(assessed).map(assessed))
        .compose(v -> queue.ack(message.id()))
        .map(Outcome.HANDLED)
        .recover(error -> recordFailure(message, error));
  }

  /** A mention scored and triaged, with the aspects it is about: all of it worked out on the scoring pool. */
  private record Assessed(MentionAssessor.Assessment assessment, List<String> aspects) {}

  private Future<Assessed> assess(Mention mention) {
    return scoringPool.executeBlocking(() -> {
      MentionAssessor.Assessment rules = assessor.assess(mention);
      MentionAssessor.Assessment assessment = models == null ? rules : models.apply(rules);
      return new Assessed(assessment, aspects.aspectsOf(mention.fullText(), assessment.scored().sentiment().language()));
    }, false);
  }

  /** What the mention adds to the marketing counts, or null when its source is read for care only. */
  private MentionCount count(Assessed assessed) {
    var scored = assessed.assessment().scored();
    return roles.counts(scored)
        ? MentionCount.of(scored, assessed.assessment().decision().triageClass(), assessed.aspects(),
            topicPhrases(scored)) : null;
  }

  /** The phrases the analyzer found, without the brand's own name (which every mention of it is about). */
  private static List<String> topicPhrases(nl.webcare.mention.ScoredMention scored) {
    String brand = scored.mention().brand();
    return scored.sentiment().phrases().stream()
        .filter(p -> brand == null || !java.util.Arrays.asList(p.split(" ")).contains(brand.toLowerCase(java.util.Locale.ROOT)))
        .toList();
  }

  /**
   * Every scored mention that its source lets into the care queue ({@link SourceRoles}) is filed: it may join (and reopen) its author's or thread's case even when it
   * needs no reply itself ("thanks, but it still does not work"); only one that needs a reply opens a case.
   */
  private Future<Void> openCaseIfNeeded(Assessed assessed) {
    MentionAssessor.Assessment assessment = assessed.assessment();
    if (!roles.mayFile(assessment.scored(), assessment.decision())) {
      return Future.succeededFuture(); // a competitor's, or listening that is no crisis about the brand
    }
    String team = router.teamFor(assessment.scored(), assessment.decision());
    var m = assessment.scored().mention();
    boolean underSpike = m.brand() != null && spikes.covers(m.brand(), m.channel(), assessed.aspects());
    return worklist.file(assessment.scored(), assessment.decision(), team, underSpike).mapEmpty();
  }

  private Future<Outcome> recordFailure(ScoringQueue.Message message, Throwable error) {
    if (StoreUnavailableException.isCauseOf(error)) {
      return Future.succeededFuture(Outcome.STORE_UNAVAILABLE);
    }
    String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    LOG.warn("scoring message {} failed (attempt {}): {}", message.id(), message.attempts() + 1, text);
    return queue.recordError(message.id(), text).otherwiseEmpty().map(Outcome.HANDLED);
  }

}
