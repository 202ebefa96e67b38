package nl.webcare.pipeline;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionStore;
import nl.webcare.mention.MentionCodec;
import nl.webcare.inbox.ScoringQueue;
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

  private final ScoringQueue queue;
  private final MentionStore mentions;
  private final Worklist worklist;
  private final CaseRouter router;
  private final MentionAssessor assessor;
  private final WorkerExecutor scoringPool;
  private final int maxAttempts;

  public MentionScorer(ScoringQueue queue, MentionStore mentions, Worklist worklist, CaseRouter router,
      MentionAssessor assessor, WorkerExecutor scoringPool, int maxAttempts) {
    this.queue = queue;
    this.mentions = mentions;
    this.worklist = worklist;
    this.router = router;
    this.assessor = assessor;
    this.scoringPool = scoringPool;
    this.maxAttempts = maxAttempts;
  }

  /** Always succeeds: a failure is recorded on the message, which stays pending for a later try. */
  public Future<Void> handle(ScoringQueue.Message message) {
    if (message.deliveries() > maxAttempts) {
      return queue.deadLetter(message, "failed " + maxAttempts + " times").otherwiseEmpty();
    }
    Mention mention;
    try {
      mention = MentionCodec.mention(message.fields());
    } catch (RuntimeException e) {
      // A message that cannot be read will never be readable: no point in retrying it.
      return queue.deadLetter(message, "unreadable message: " + e.getMessage()).otherwiseEmpty();
    }
    return assess(mention)
        .compose(assessment -> mentions.save(assessment.scored()).map(assessment))
        .compose(this::openCaseIfNeeded)
        .compose(v -> queue.ack(message.id()))
        .recover(error -> recordFailure(message, error));
  }

  private Future<MentionAssessor.Assessment> assess(Mention mention) {
    return scoringPool.executeBlocking(() -> assessor.assess(mention), false);
  }

  /**
   * Every scored mention is filed: it may join (and reopen) its author's or thread's case even when it
   * needs no reply itself ("thanks, but it still does not work"); only one that needs a reply opens a case.
   */
  private Future<Void> openCaseIfNeeded(MentionAssessor.Assessment assessment) {
    String team = router.teamFor(assessment.scored(), assessment.decision());
    return worklist.file(assessment.scored(), assessment.decision(), team).mapEmpty();
  }

  private Future<Void> recordFailure(ScoringQueue.Message message, Throwable error) {
    String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    LOG.warn("scoring message {} failed (delivery {}): {}", message.id(), message.deliveries(), text);
    return queue.recordError(message.id(), text).otherwiseEmpty();
  }
}
