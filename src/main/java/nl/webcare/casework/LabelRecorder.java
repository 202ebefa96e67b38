package nl.webcare.casework;

import io.vertx.core.Future;
import java.time.Instant;
import nl.webcare.learning.TeamLabel;
import nl.webcare.learning.TeamLabels;
import nl.webcare.mention.MentionStore;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.Case;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the team's decisions into labels to learn from: a reply or a hand-off says the case's mention needed a
 * reply; a dismissal as not for us, spam or needing no reply says it did not; a correction says what it is. A label
 * that cannot be kept is logged and never fails the decision it comes from (the reply went out all the same).
 */
public final class LabelRecorder implements Corrections {
  private static final Logger LOG = LoggerFactory.getLogger(LabelRecorder.class);
  /** Dismissal reasons that say the mention needed no reply; another reason (a duplicate, say) says nothing. */
  static final java.util.Set<String> NO_REPLY_REASONS = java.util.Set.of("not_for_us", "spam", "no_reply_needed");

  private final TeamLabels labels;
  private final MentionStore mentions;
  private final nl.webcare.worklist.Worklist worklist;

  public LabelRecorder(TeamLabels labels, MentionStore mentions, nl.webcare.worklist.Worklist worklist) {
    this.worklist = worklist;
    this.labels = labels;
    this.mentions = mentions;
  }

  /** The case's opening mention needed a reply ({@code yes}) or not, as {@code source} says. */
  Future<Void> needsReply(Case c, boolean yes, String source, Actor actor) {
    return label(c.mentionId(), TeamLabel.Task.NEEDS_REPLY, yes ? "yes" : "no", source, actor);
  }

  @Override
  public Future<TeamLabel> correctTriage(String caseId, String triageClass, Actor actor) {
    String value = java.util.List.of("complaint", "question", "crisis").contains(triageClass) ? "yes" : "no";
    return worklist.find(caseId).compose(c -> c == null ? Future.failedFuture(CaseRefusal.notFound(caseId))
        : labelNow(c.mentionId(), TeamLabel.Task.NEEDS_REPLY, value, "correction:" + triageClass, actor));
  }

  @Override
  public Future<TeamLabel> correctSentiment(String mentionId, String label, Actor actor) {
    return labelNow(mentionId, TeamLabel.Task.SENTIMENT, label, "correction", actor);
  }

  /** As {@link #label}, failing when it cannot be kept (the correction is what was asked for). */
  private Future<TeamLabel> labelNow(String mentionId, TeamLabel.Task task, String value, String source, Actor actor) {
    return mentions.find(mentionId).compose(m -> {
      if (m == null) {
        return Future.failedFuture(CaseRefusal.invalid("not_stored", "mention " + mentionId + " is no longer kept"));
      }
      TeamLabel label = new TeamLabel(mentionId, task, value, m.mention().fullText(),
          m.mention().language() != null ? m.mention().language() : m.sentiment().language(), m.mention().brand(),
          source, actor.name(), Instant.now());
      return labels.record(label).map(label);
    });
  }

  /** A decision's label, kept on the side: never fails (the decision it comes from went through). */
  Future<Void> label(String mentionId, TeamLabel.Task task, String value, String source, Actor actor) {
    if (mentionId == null) {
      return Future.succeededFuture();
    }
    return labelNow(mentionId, task, value, source, actor).<Void>mapEmpty().recover(e -> {
      LOG.warn("could not keep the {} label of mention {}: {}", task.wire(), mentionId, e.getMessage());
      return Future.succeededFuture();
    });
  }

}
