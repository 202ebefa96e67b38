package nl.webcare.casework;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Set;
import nl.webcare.access.ApiKeyStore;
import nl.webcare.metrics.WebcareMetrics;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.CaseCommand;
import nl.webcare.worklist.Transition;
import nl.webcare.worklist.Worklist;

/** {@link CaseWork} on the worklist, counting claims per team. */
public final class WorklistCaseWork implements CaseWork {
  private final Worklist worklist;
  private final CaseViews views;
  private final WebcareMetrics metrics;
  private final ApiKeyStore agents;
  private final LabelRecorder labels;

  /** @param labels where a dismissal's verdict (no reply needed) is kept to learn from */
  public WorklistCaseWork(Worklist worklist, CaseViews views, WebcareMetrics metrics, ApiKeyStore agents,
      LabelRecorder labels) {
    this.labels = labels;
    this.worklist = worklist;
    this.views = views;
    this.metrics = metrics;
    this.agents = agents;
  }

  @Override
  public Future<CaseView> apply(String caseId, Actor actor, CaseCommand command) {
    Future<Void> checked = command instanceof CaseCommand.Reassign reassign ? knownAgent(caseId, reassign.agent())
        : Future.succeededFuture();
    return checked.compose(v -> worklist.apply(caseId, actor, command)).compose(t -> {
      if (t.outcome() == Transition.Outcome.DONE && command instanceof CaseCommand.Claim) {
        metrics.claimed(t.current().team());
      }
      if (t.outcome() == Transition.Outcome.DONE && command instanceof CaseCommand.Dismiss d
          && LabelRecorder.NO_REPLY_REASONS.contains(d.reason())) {
        labels.needsReply(t.current(), false, "dismissal:" + d.reason(), actor);
      }
      if (t.outcome() == Transition.Outcome.DONE && command instanceof CaseCommand.Resolve) {
        var c = t.current();
        metrics.resolved(c.team(), c.channel(), java.time.Duration.between(c.openedAt(), t.at()),
            c.figures().handleTime());
      }
      return t.outcome() == Transition.Outcome.DONE ? views.view(t.current())
          : Future.failedFuture(refusal(caseId, command, t));
    });
  }

  /** A case is handed only to somebody with a key in its team (the move itself checks the rest). */
  private Future<Void> knownAgent(String caseId, String agent) {
    return worklist.find(caseId).compose(c -> c == null ? Future.succeededFuture()
        : agents.worksIn(agent, c.team()).compose(known -> known ? Future.succeededFuture()
            : Future.failedFuture(CaseRefusal.invalid("unknown_agent", agent + " holds no agent or lead key in team "
                + c.team()))));
  }

  @Override
  public Future<Set<String>> tag(String caseId, Actor actor, CaseCommand.Tags command) {
    return worklist.apply(caseId, actor, command).compose(t -> t.outcome() == Transition.Outcome.DONE
        ? worklist.tags(caseId) : Future.failedFuture(refusal(caseId, command, t)));
  }

  static CaseRefusal otherTeam(String caseId, String team) {
    return new CaseRefusal(CaseRefusal.Kind.OTHER_TEAM, "other_team", "case " + caseId + " is in team " + team
        + ", which your key does not work in", Map.of("team", team));
  }

  /** The refusal a transition that was not done stands for. */
  static CaseRefusal refusal(String caseId, CaseCommand command, Transition t) {
    return switch (t.outcome()) {
      case NOT_FOUND -> CaseRefusal.notFound(caseId);
      case HELD -> new CaseRefusal(CaseRefusal.Kind.CONFLICT, "case_held", "case " + caseId + " is held by "
          + t.holder(), Map.of("holder", t.holder(), "state", t.state().wire()));
      case FORBIDDEN -> new CaseRefusal(CaseRefusal.Kind.CONFLICT, "transition_not_allowed", "a case in state "
          + t.state().wire() + " does not allow " + command.move().wire(),
          Map.of("state", t.state().wire(), "action", command.move().wire()));
      case INVALID -> CaseRefusal.invalid("bad_field", t.problem());
      case OTHER_TEAM -> otherTeam(caseId, t.current().team());
      case DONE -> throw new IllegalArgumentException("a done transition is no refusal");
    };
  }
}
