package nl.webcare.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.webcare.alerts.Alert;
import nl.webcare.alerts.AlertFeed;
import nl.webcare.alerts.AlertFilter;
import nl.webcare.alerts.RedisAlertFeed;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.TestConfig;
import nl.webcare.triage.Triage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A ticket system can follow a case through the alert feed: every move it waits for raises an alert. */
class CaseAlertsTest {
  private RedisFixture fixture;
  private RedisWorklist worklist;
  private AlertFeed feed;

  @BeforeEach
  void setUp() {
    fixture = new RedisFixture();
    worklist = new RedisWorklist(fixture.redis, 1000, Duration.ofHours(24), TestConfig.sla(),
        TestConfig.worklist().teams());
    feed = new RedisAlertFeed(fixture.redis);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void claimEscalateResolveReopenAndDismissEachRaiseAnAlertThatCarriesWhatFiltersUse() {
    // GIVEN a complaint filed as a case
    String id = file("follow-1", "carla");
    Actor ann = new Actor("ann", false);
    Actor lead = new Actor("lena", true);
    // WHEN it is claimed, noted, escalated, claimed in legal, resolved, reopened by hand and dismissed
    apply(id, ann, new CaseCommand.Claim());
    apply(id, ann, new CaseCommand.Note("looking"));
    apply(id, ann, new CaseCommand.Escalate("legal", "threatens a lawsuit"));
    apply(id, lead, new CaseCommand.Claim());
    apply(id, lead, new CaseCommand.Resolve("settled"));
    apply(id, lead, new CaseCommand.Reopen("not settled after all"));
    apply(id, lead, new CaseCommand.Dismiss("spam"));
    // THEN the feed follows it, the note raising nothing
    List<Alert> alerts = Await.result(feed.after(null, 50)).alerts();
    assertThat(alerts).extracting(Alert::type).containsExactly("case.opened", "case.assigned", "case.escalated",
        "case.assigned", "case.resolved", "case.reopened", "case.dismissed");
    assertThat(alerts).allSatisfy(a -> assertThat(a.fields()).containsEntry("caseId", id)
        .containsEntry("brand", "testbrand").containsEntry("channel", "forum").containsEntry("language", "en")
        .containsEntry("triageClass", "complaint").containsKeys("urgency", "team", "at"));
    assertThat(alerts.get(1).fields()).containsEntry("assignee", "ann").containsEntry("by", "ann")
        .containsEntry("state", "assigned").containsEntry("team", "care");
    assertThat(alerts.get(2).fields()).containsEntry("team", "legal").doesNotContainKey("assignee");
    assertThat(alerts.get(4).fields()).containsEntry("state", "resolved").containsEntry("by", "lena");
  }

  @Test
  void aFilteredPageSkipsWhatDoesNotMatchAndSaysWhereToGoOn() {
    // GIVEN three cases, one of them claimed
    String first = file("filter-1", "a1");
    file("filter-2", "a2");
    file("filter-3", "a3");
    apply(first, new Actor("ann", false), new CaseCommand.Claim());
    AlertFilter opened = AlertFilter.read(name -> name.equals("type") ? List.of("case.opened") : List.of());
    // WHEN read two at a time through a filter on the type
    AlertFeed.Page page = Await.result(feed.after(null, 2, opened));
    AlertFeed.Page rest = Await.result(feed.after(page.next(), 2, opened));
    // THEN the opened cases come in order and the claim never does
    assertThat(page.alerts()).extracting(Alert::type).containsExactly("case.opened", "case.opened");
    assertThat(page.more()).isTrue();
    assertThat(rest.alerts()).extracting(a -> a.fields().get("caseId")).hasSize(1);
    assertThat(rest.more()).isFalse();
    AlertFilter claims = AlertFilter.read(name -> Map.of("type", List.of("case.assigned"), "team", List.of("care"))
        .getOrDefault(name, List.of()));
    assertThat(Await.result(feed.latest(10, claims))).extracting(a -> a.fields().get("caseId")).containsExactly(first);
    assertThat(Await.result(feed.get(Await.result(feed.head())))).extracting(Alert::type).isEqualTo("case.assigned");
  }

  private void apply(String id, Actor actor, CaseCommand command) {
    Transition t = Await.result(worklist.apply(id, actor, command));
    assertThat(t.outcome()).as(command.toString()).isEqualTo(Transition.Outcome.DONE);
  }

  private String file(String externalId, String author) {
    ScoredMention scored = Mentions.scored(Mentions.byAuthor("src", externalId, "awful service " + externalId,
        author, null), SentimentLabel.NEGATIVE, -0.8);
    return Await.result(worklist.file(scored, Triage.standard().decide(scored), "care")).caseId();
  }
}
