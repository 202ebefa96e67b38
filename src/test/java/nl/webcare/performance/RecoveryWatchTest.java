package nl.webcare.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.webcare.mention.Mention;
import nl.webcare.mention.RedisMentionStore;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.support.MovableClock;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.TestConfig;
import nl.webcare.triage.Triage;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.CaseCommand;
import nl.webcare.worklist.CaseFigures;
import nl.webcare.worklist.RedisWorklist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sentiment recovery on scripted author histories: better after, worse again, and silent (unknown). */
class RecoveryWatchTest {
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Duration WINDOW = Duration.ofDays(14);
  private final MovableClock clock = new MovableClock(T0);
  private RedisFixture fixture;
  private RedisWorklist worklist;
  private RedisMentionStore mentions;
  private RecoveryWatch watch;

  @BeforeEach
  void setUp() {
    fixture = new RedisFixture();
    worklist = new RedisWorklist(fixture.redis, 1000, Duration.ofHours(24), TestConfig.sla(),
        TestConfig.worklist().teams(), clock);
    mentions = new RedisMentionStore(fixture.redis, Duration.ofDays(90));
    watch = new RecoveryWatch(worklist, mentions, WINDOW, clock);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  /** A mention by {@code handle}, taken in at {@code at}, with this label and score; stored. */
  private ScoredMention said(String id, String handle, Instant at, SentimentLabel label, double score) {
    Mention m = Mentions.byAuthor("forum-src", id, "text " + id, handle, null);
    ScoredMention s = new ScoredMention(m, Mentions.scored(m, label, score).sentiment(), at);
    Await.result(mentions.save(s));
    return s;
  }

  /** A complaint at T0 by {@code handle}, filed, then resolved an hour later. */
  private String resolvedComplaint(String handle) {
    clock.set(T0);
    ScoredMention complaint = said(handle + "-0", handle, T0.minusSeconds(1), SentimentLabel.NEGATIVE, -0.8);
    String id = Await.result(worklist.file(complaint, Triage.standard().decide(complaint), "care")).caseId();
    clock.set(T0.plus(Duration.ofHours(1)));
    Await.result(worklist.apply(id, Actor.SYSTEM, new CaseCommand.Resolve(null)));
    return id;
  }

  private CaseFigures.Recovery recovery(String id) {
    return Await.result(worklist.find(id)).figures().recovery();
  }

  @Test
  void aCustomerWhoseToneImprovedAfterwardsCountsAsRecoveredOneWhoWentQuietIsUnknown() {
    // GIVEN karin complained (-0.8) and three days after the case wrote kindly (+0.6); lisa wrote angrily again;
    // piet never wrote again
    String karin = resolvedComplaint("karin");
    said("karin-1", "karin", T0.plus(Duration.ofDays(3)), SentimentLabel.POSITIVE, 0.6);
    String lisa = resolvedComplaint("lisa");
    said("lisa-1", "lisa", T0.plus(Duration.ofDays(2)), SentimentLabel.NEGATIVE, -0.9);
    String piet = resolvedComplaint("piet");
    // WHEN the watch runs before the window after resolution has passed THEN nothing is measured yet
    clock.set(T0.plus(Duration.ofDays(10)));
    assertThat(Await.result(watch.measureDue())).isZero();
    ServiceReport early = report();
    assertThat(early.all().recovery().pending()).isEqualTo(3);
    // WHEN it runs after the window
    clock.set(T0.plus(WINDOW).plus(Duration.ofHours(2)));
    assertThat(Await.result(watch.measureDue())).isEqualTo(3);
    // THEN karin recovered (+1.4), lisa came back with a complaint, piet is unknown, not recovered
    assertThat(recovery(karin).change()).isCloseTo(1.4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(recovery(karin).cameBack()).isFalse();
    assertThat(recovery(lisa).cameBack()).isTrue();
    assertThat(recovery(lisa).change()).isCloseTo(-0.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(recovery(piet).known()).isFalse();
    assertThat(recovery(piet).mentionsAfter()).isZero();
    ServiceGroup.Recovery all = report().all().recovery();
    assertThat(List.of(all.known(), all.unknown(), all.pending(), all.improved(), all.cameBack()))
        .containsExactly(2, 1, 0, 1, 1);
    assertThat(all.meanChange()).isCloseTo(0.65, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(all.improvedShare()).isEqualTo(0.5);
    // AND a second round measures nothing again
    assertThat(Await.result(watch.measureDue())).isZero();
  }

  private ServiceReport report() {
    return Await.result(new WorklistServiceFigures(worklist, TestConfig.sla(), java.time.ZoneId.of("Europe/Amsterdam"),
        fixture.vertx)
        .report(new ServiceQuery(T0, T0.plus(Duration.ofDays(60)), null, null, null, null)));
  }

  @Test
  void aRoundPagesPastCasesAlreadyMeasured() {
    // GIVEN two cases measured in an earlier round, and three more resolved later, read two at a time
    RecoveryWatch paged = new RecoveryWatch(worklist, mentions, WINDOW, clock, 2);
    resolvedComplaint("early1");
    resolvedComplaint("early2");
    clock.set(T0.plus(WINDOW).plus(Duration.ofHours(2)));
    assertThat(Await.result(paged.measureDue())).isEqualTo(2);
    List<String> later = new java.util.ArrayList<>();
    for (String who : List.of("late1", "late2", "late3")) {
      clock.set(T0.plus(Duration.ofHours(3)));
      ScoredMention c = said(who + "-0", who, T0.plus(Duration.ofHours(2)), SentimentLabel.NEGATIVE, -0.8);
      String id = Await.result(worklist.file(c, Triage.standard().decide(c), "care")).caseId();
      Await.result(worklist.apply(id, Actor.SYSTEM, new CaseCommand.Resolve(null)));
      later.add(id);
    }
    // WHEN a round runs after their window THEN it pages past the measured two and measures all three
    clock.set(T0.plus(WINDOW).plus(Duration.ofHours(4)));
    assertThat(Await.result(paged.measureDue())).isEqualTo(3);
    later.forEach(id -> assertThat(recovery(id)).isNotNull());
  }
}
