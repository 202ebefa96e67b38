package nl.webcare.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.webcare.mention.Mention;
import nl.webcare.support.SharedAnalyzer;
import org.junit.jupiter.api.Test;

class TriageTest {
  private final MentionAssessor assessor = new MentionAssessor(SharedAnalyzer.get());

  private Triage.Decision decide(String text, Integer rating) {
    Mention mention = new Mention(Mention.idFor("t", text), "t", "test", "brand", text, null, null, text, null,
        Instant.parse("2026-11-24T10:00:00Z"), null, rating, null);
    return assessor.assess(mention).decision();
  }

  @Test
  void aPoliteComplaintNeedsAReply() {
    Triage.Decision d = decide("hi, my order 913181 never arrived, did you refund?", null);
    assertThat(d.triageClass()).isEqualTo(TriageClass.COMPLAINT);
    assertThat(d.needsReply()).isTrue();
    assertThat(d.reasons()).contains("complaint:never arrived");
  }

  @Test
  void aNeutralQuestionNeedsAReply() {
    Triage.Decision d = decide("@stroomlijn how do I switch to the dynamic tariff in the app?", null);
    assertThat(d.triageClass()).isEqualTo(TriageClass.QUESTION);
    assertThat(d.needsReply()).isTrue();
  }

  @Test
  void crisesComeFirst() {
    Triage.Decision crisis = decide("This is a data leak, I am contacting my lawyer and the press.", null);
    Triage.Decision complaint = decide("My parcel is late again, terrible service.", null);
    assertThat(crisis.triageClass()).isEqualTo(TriageClass.CRISIS);
    assertThat(crisis.urgency()).isGreaterThan(complaint.urgency());
    assertThat(crisis.priority()).isGreaterThan(complaint.priority());
  }

  @Test
  void praiseAndChatterNeedNoReply() {
    assertThat(decide("Thank you so much, the crew was wonderful!", null).needsReply()).isFalse();
    assertThat(decide("Nice weather in Amsterdam today.", null).needsReply()).isFalse();
  }

  @Test
  void aOneStarReviewIsAComplaintWhateverItsTextSays() {
    Triage.Decision d = decide("ok", 1);
    assertThat(d.triageClass()).isEqualTo(TriageClass.COMPLAINT);
    assertThat(d.needsReply()).isTrue();
    assertThat(d.reasons()).contains("stars:1");
    assertThat(decide("ok", 2).urgency()).isLessThan(d.urgency());
  }

  @Test
  void dutchComplaintCuesCount() {
    Triage.Decision d = decide("Pakket nog steeds niet bezorgd en de klantenservice reageert niet", null);
    assertThat(d.triageClass()).isEqualTo(TriageClass.COMPLAINT);
  }

  @Test
  void theFormulaIsBoundedAndOrdersByUrgencyThenTime() {
    PriorityFormula formula = PriorityFormula.load();
    assertThat(formula.urgency(TriageClass.CRISIS, -1, 1, 5_000_000L, 20_000)).isEqualTo(1.0);
    assertThat(formula.urgency(TriageClass.OTHER, 0.8, null, null, null)).isEqualTo(0.0);
    // a complaint from a large account that many people saw outranks the same complaint from nobody
    assertThat(formula.urgency(TriageClass.COMPLAINT, -0.4, null, 250_000L, 900))
        .isGreaterThan(formula.urgency(TriageClass.COMPLAINT, -0.4, null, 12L, 0));
    assertThat(PriorityFormula.priority(0.5, 2_000_000_000L)).isGreaterThan(PriorityFormula.priority(0.49, 2_100_000_000L));
    assertThat(PriorityFormula.priority(0.5, 2_000_000_001L)).isGreaterThan(PriorityFormula.priority(0.5, 2_000_000_000L));
  }
}
