package nl.webcare.learning;

import io.vertx.core.Future;
import java.util.Map;

/**
 * The labels the team's work leaves, per brand, language and task. A mention has at most one label per task: the
 * latest decision about it wins (a correction over a dismissal). Every future fails when the store cannot be
 * reached.
 */
public interface TeamLabels {
  Future<Void> record(TeamLabel label);

  /** How many labels of each value there are, per brand, language and task ({@code brand|language|task}). */
  Future<Map<String, Map<String, Long>>> counts();

  /** The mention's label for a task, or null. */
  Future<TeamLabel> find(String mentionId, TeamLabel.Task task);

  /** The group's labels ({@code brand|language|task}), newest first, at most {@code limit}; expired ones left out. */
  Future<java.util.List<TeamLabel>> of(String group, int limit);
}
