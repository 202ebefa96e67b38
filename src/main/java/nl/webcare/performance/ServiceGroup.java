package nl.webcare.performance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.webcare.sla.SlaPolicy;
import nl.webcare.worklist.Case;
import nl.webcare.worklist.CaseState;

/**
 * The service figures of a group of closed cases (all of them, a team's, a channel's, an agent's): how fast (first
 * response and resolution, in wall-clock time and in the team's open hours; the time agents held them), how well
 * (first-contact resolution, reopenings, escalations, hand-offs, replies per case), how gladly (satisfaction beside
 * its response rate; the customers' own tone before and after). Rates are shares of 0..1 of the
 * cases they rest on; a rate over no cases is null, never 0.
 *
 * @param firstContactResolved resolved cases resolved after one reply and not reopened within seven days
 * @param surveysSent          closed cases whose closing reply carried the survey
 * @param satisfaction         how many answered 1, 2, 3, 4 and 5 (index 0 is 1)
 * @param recovery             the customers' own tone before and after, over the resolved cases measured so far
 */
public record ServiceGroup(String name, int closed, int resolved, int dismissed, Spread firstResponse,
    Spread firstResponseOpenHours, Spread resolution, Spread resolutionOpenHours, Spread handleTime,
    int firstContactResolved, int reopened, int escalated, int handedOff, int replies, int surveysSent,
    List<Integer> satisfaction, Recovery recovery) {

  /**
   * Sentiment recovery over resolved cases: {@code known} had mentions both before and after; {@code unknown} had
   * none after (never counted as recovered); {@code pending} are not measured yet (their window after resolution
   * is still open). {@code meanChange} is the mean of after minus before over the known cases (-2..2).
   */
  public record Recovery(int known, int unknown, int pending, int improved, int cameBack, Double meanChange) {
    public Double improvedShare() {
      return share(improved, known);
    }

    /** Of the measured cases (known and unknown), the share whose customer wrote negatively again. */
    public Double cameBackShare() {
      return share(cameBack, known + unknown);
    }
  }

  public ServiceGroup {
    satisfaction = List.copyOf(satisfaction);
  }

  /** Survey answers. */
  public int surveyAnswers() {
    return satisfaction.stream().mapToInt(Integer::intValue).sum();
  }

  /** The mean answer, 1 to 5; null without answers. */
  public Double satisfactionMean() {
    int answers = surveyAnswers();
    if (answers == 0) {
      return null;
    }
    double sum = 0;
    for (int i = 0; i < 5; i++) {
      sum += (i + 1) * satisfaction.get(i);
    }
    return sum / answers;
  }

  /** Answers per survey sent: next to the mean, so that three answers are not mistaken for a verdict. */
  public Double surveyResponseRate() {
    return share(surveyAnswers(), surveysSent);
  }

  /** The figures of these cases; open hours are each case's team's. */
  static ServiceGroup of(String name, List<Case> cases, SlaPolicy hours) {
    List<Duration> first = new ArrayList<>();
    List<Duration> firstOpen = new ArrayList<>();
    List<Duration> resolution = new ArrayList<>();
    List<Duration> resolutionOpen = new ArrayList<>();
    List<Duration> handle = new ArrayList<>();
    int resolved = 0;
    int fcr = 0;
    int reopened = 0;
    int escalated = 0;
    int handedOff = 0;
    int replies = 0;
    int surveys = 0;
    int[] answers = new int[5];
    int known = 0;
    int unknown = 0;
    int pending = 0;
    int improved = 0;
    int cameBack = 0;
    double change = 0;
    for (Case c : cases) {
      var r = c.figures().recovery();
      if (c.state() == CaseState.RESOLVED) {
        if (r == null || c.closure() != null && r.measuredAt().isBefore(c.closure().at())) {
          pending++;
        } else {
          cameBack += r.cameBack() ? 1 : 0;
          if (r.known()) {
            known++;
            change += r.change();
            improved += r.change() > 0 ? 1 : 0;
          } else {
            unknown++;
          }
        }
      }
      if (c.figures().surveySentAt() != null) {
        surveys++;
        if (c.figures().satisfaction() != null) {
          answers[c.figures().satisfaction().score() - 1]++;
        }
      }
      if (c.firstResponseAt() != null) {
        first.add(Duration.between(c.openedAt(), c.firstResponseAt()));
        firstOpen.add(hours.openTime(c.team(), c.openedAt(), c.firstResponseAt()));
      }
      if (c.state() == CaseState.RESOLVED) {
        resolved++;
        resolution.add(Duration.between(c.openedAt(), c.closure().at()));
        resolutionOpen.add(hours.openTime(c.team(), c.openedAt(), c.closure().at()));
        handle.add(c.figures().handleTime());
        replies += c.figures().replies();
        fcr += Boolean.TRUE.equals(c.figures().firstContactResolution()) ? 1 : 0;
      }
      reopened += c.figures().reopens() > 0 ? 1 : 0;
      escalated += c.figures().escalations() > 0 ? 1 : 0;
      handedOff += c.figures().handoffs() > 0 ? 1 : 0;
    }
    return new ServiceGroup(name, cases.size(), resolved, cases.size() - resolved, Spread.of(first),
        Spread.of(firstOpen), Spread.of(resolution), Spread.of(resolutionOpen), Spread.of(handle), fcr, reopened,
        escalated, handedOff, replies, surveys, java.util.Arrays.stream(answers).boxed().toList(),
        new Recovery(known, unknown, pending, improved, cameBack, known == 0 ? null : change / known));
  }

  public Double firstContactResolutionRate() {
    return share(firstContactResolved, resolved);
  }

  public Double reopenRate() {
    return share(reopened, closed);
  }

  public Double escalationRate() {
    return share(escalated, closed);
  }

  public Double handoffRate() {
    return share(handedOff, closed);
  }

  /** Our replies per resolved case. */
  public Double repliesPerResolvedCase() {
    return resolved == 0 ? null : (double) replies / resolved;
  }

  static Double share(int part, int whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
