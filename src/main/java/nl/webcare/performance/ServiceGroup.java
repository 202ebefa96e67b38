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
 * (first-contact resolution, reopenings, escalations, hand-offs, replies per case). Rates are shares of 0..1 of the
 * cases they rest on; a rate over no cases is null, never 0.
 *
 * @param firstContactResolved resolved cases resolved after one reply and not reopened within seven days
 */
public record ServiceGroup(String name, int closed, int resolved, int dismissed, Spread firstResponse,
    Spread firstResponseOpenHours, Spread resolution, Spread resolutionOpenHours, Spread handleTime,
    int firstContactResolved, int reopened, int escalated, int handedOff, int replies) {

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
    for (Case c : cases) {
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
        escalated, handedOff, replies);
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
