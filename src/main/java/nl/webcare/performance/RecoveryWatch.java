package nl.webcare.performance;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.webcare.mention.MentionStore;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.Case;
import nl.webcare.worklist.CaseCommand;
import nl.webcare.worklist.CaseFigures;
import nl.webcare.worklist.CaseState;
import nl.webcare.worklist.Worklist;

/**
 * Measures sentiment recovery without a survey: for each case resolved at least a window ago, the customer's own
 * mentions about the brand in the window before the case opened and in the window after it was resolved, on any
 * channel Webcare reads from that author, and keeps the result on the case (so the figure outlives the mentions).
 * Runs as a periodic job; a case is measured once per resolution (reopened and resolved again, once more).
 */
public final class RecoveryWatch {
  /** Cases measured per round at most, so that one round never holds Redis long. */
  static final int BATCH = 500;
  /** How far back a round looks for resolved cases not yet measured. */
  private static final Duration LOOK_BACK = Duration.ofDays(30);

  private final Worklist worklist;
  private final MentionStore mentions;
  private final Duration window;
  private final Clock clock;

  private final int page;

  public RecoveryWatch(Worklist worklist, MentionStore mentions, Duration window, Clock clock) {
    this(worklist, mentions, window, clock, PAGE);
  }

  /** As above, reading {@code page} closed cases at a time (tests page through a few). */
  RecoveryWatch(Worklist worklist, MentionStore mentions, Duration window, Clock clock, int page) {
    this.page = page;
    this.worklist = worklist;
    this.mentions = mentions;
    this.window = window;
    this.clock = clock;
  }

  /** Closed cases read per page while looking for unmeasured ones. */
  static final int PAGE = 5_000;

  /**
   * One round: up to {@link #BATCH} resolved cases whose after-window has passed and that have no measure of this
   * resolution, oldest first. Pages on through the period, so that a team closing more than a page of cases in it
   * never leaves the newer ones unmeasured behind a page of measured ones.
   */
  public Future<Integer> measureDue() {
    Instant now = clock.instant();
    Instant until = now.minus(window);
    return due(until.minus(LOOK_BACK), until, page, new java.util.ArrayList<>(), new java.util.HashSet<>())
        .compose(due -> {
          Future<Integer> chain = Future.succeededFuture(0);
          for (Case c : due) {
            chain = chain.compose(n -> measure(c, now).map(n + 1));
          }
          return chain;
        });
  }

  /** The unmeasured cases closed from {@code from} on, page by page, until a batch is full or the period ends. */
  private Future<List<Case>> due(Instant from, Instant until, int size, List<Case> found, java.util.Set<String> seen) {
    return worklist.closedBetween(from, until, size).compose(read -> {
      for (Case c : read) {
        if (seen.add(c.id()) && unmeasured(c) && found.size() < BATCH) {
          found.add(c);
        }
      }
      if (found.size() >= BATCH || read.size() < size) {
        return Future.succeededFuture(found);
      }
      // the next page starts at the last closure read (inclusive: cases closed in the same millisecond); a page
      // that is all one millisecond is read again, twice as long, so that no case of it is skipped
      Instant last = read.get(read.size() - 1).closure().at();
      return last.isAfter(from) ? due(last, until, page, found, seen) : due(from, until, size * 2, found, seen);
    });
  }

  private static boolean unmeasured(Case c) {
    CaseFigures.Recovery r = c.figures().recovery();
    return c.state() == CaseState.RESOLVED && c.authorKey() != null && c.closure() != null
        && (r == null || r.measuredAt().isBefore(c.closure().at()));
  }

  private Future<Void> measure(Case c, Instant now) {
    Instant resolved = c.closure().at();
    return mentions.byAuthorBetween(c.authorKey(), c.openedAt().minus(window), resolved.plus(window))
        .compose(found -> worklist.apply(c.id(), Actor.SYSTEM, new CaseCommand.RecoveryMeasured(
            recovery(c, found, now))).mapEmpty());
  }

  /** The mean tone before the case opened (its own mention included) and after it was resolved, about the brand. */
  static CaseFigures.Recovery recovery(Case c, List<ScoredMention> found, Instant now) {
    double before = 0;
    int nBefore = 0;
    double after = 0;
    int nAfter = 0;
    boolean cameBack = false;
    for (ScoredMention m : found) {
      if (m.sentiment().label() == SentimentLabel.UNSCORED
          || c.brand() != null && !c.brand().equalsIgnoreCase(m.mention().brand())) {
        continue;
      }
      if (!m.scoredAt().isAfter(c.openedAt())) {
        before += m.sentiment().score();
        nBefore++;
      } else if (m.scoredAt().isAfter(c.closure().at())) {
        after += m.sentiment().score();
        nAfter++;
        cameBack |= m.sentiment().label() == SentimentLabel.NEGATIVE;
      }
    }
    return new CaseFigures.Recovery(nBefore == 0 ? null : before / nBefore, nAfter == 0 ? null : after / nAfter,
        nAfter, cameBack, now);
  }
}
