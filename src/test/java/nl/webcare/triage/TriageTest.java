package nl.webcare.triage;

import nl.webcare.mention.TriageClass;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.webcare.mention.Mention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.support.Mentions;
import nl.webcare.support.SharedAnalyzer;
import org.junit.jupiter.api.Test;

class TriageTest {
  private final MentionAssessor assessor = new MentionAssessor(SharedAnalyzer.get(), Triage.standard());

  private Triage.Decision decide(String text, Integer rating) {
    Mention mention = new Mention(Mention.idFor("t", text), "t", "test", "brand", text, null, null, text, null,
        Instant.parse("2026-11-24T10:00:00Z"), null, rating, null);
    return assessor.assess(mention).decision();
  }

  @Test
  void aDutchParcelThatNeverCameAndNobodyAnsweringIsAComplaint() {
    // no sentiment word at all: the facts are the complaint ("never arrived", "nobody answers")
    Triage.Decision d = decide("@acme mijn pakket 10006 is nooit aangekomen en niemand reageert", null);
    assertThat(d.needsReply()).isTrue();
    assertThat(d.reasons()).contains("complaint:nooit aangekomen", "complaint:niemand reageert");
  }

  @Test
  void aPoliteComplaintNeedsAReply() {
    Triage.Decision d = decide("hi, my order 913181 never arrived, did you refund?", null);
    assertThat(d.triageClass()).isEqualTo(TriageClass.COMPLAINT);
    assertThat(d.needsReply()).isTrue();
    assertThat(d.reasons()).contains("complaint:never arrived");
  }

  private static nl.webcare.mention.ScoredMention withCues(Mention m, double score, String... cues) {
    var plain = Mentions.scored(m, SentimentLabel.NEUTRAL, score);
    var s = plain.sentiment();
    return new nl.webcare.mention.ScoredMention(m, new nl.webcare.mention.SentimentResult(s.label(), s.score(),
        s.probabilities(), s.language(), s.sentences(), java.util.List.of(cues), false), plain.scoredAt());
  }

  @Test
  void aMildlyNegativeMentionLabelledNeutralStillGoesToTheWorklist() {
    Mention m = Mentions.mention("t", "mild-1", "the app logged me out twice today");
    // the label says neutral (balanced for the sentiment figures); the worklist leans to recall
    Triage.Decision mild = Triage.standard().decide(withCues(m, -0.08, "corenlp:negative:-0.20", "lexicon:-0.10",
        "twice:-0.30"));
    assertThat(mild.triageClass()).isEqualTo(TriageClass.COMPLAINT);
    assertThat(mild.needsReply()).isTrue();
    assertThat(mild.reasons()).contains("score:-0.08");
    Triage.Decision flat = Triage.standard().decide(Mentions.scored(m, SentimentLabel.NEUTRAL, -0.02));
    assertThat(flat.triageClass()).isEqualTo(TriageClass.OTHER);
    // CoreNLP's slight lean alone, with no word that leans negative, is no complaint: plain news stays out
    Mention news = Mentions.mention("t", "news-1", "Acme published its quarterly report today.");
    Triage.Decision lean = Triage.standard().decide(withCues(news, -0.13, "corenlp:negative:-0.27", "lexicon:0.00"));
    assertThat(lean.needsReply()).isFalse();
    // ... but written to the brand, the same lean is enough: the worklist leans to recall for customers
    Mention addressed = Mentions.mention("t", "to-1", "@acme the app logged me out again");
    assertThat(Triage.standard().decide(withCues(addressed, -0.13, "corenlp:negative:-0.27", "lexicon:0.00"))
        .needsReply()).isTrue();
    // a language Webcare cannot score is never a complaint by its (absent) score
    Triage.Decision unscored = Triage.standard().decide(Mentions.scored(m, SentimentLabel.UNSCORED, -0.5));
    assertThat(unscored.needsReply()).isFalse();
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
  void theFormulaIsBoundedAndWeighsReachAndEngagement() {
    PriorityFormula formula = PriorityFormula.load();
    assertThat(formula.urgency(TriageClass.CRISIS, -1, 1, 5_000_000L, 20_000)).isEqualTo(1.0);
    assertThat(formula.urgency(TriageClass.OTHER, 0.8, null, null, null)).isEqualTo(0.0);
    // a complaint from a large account that many people saw outranks the same complaint from nobody
    assertThat(formula.urgency(TriageClass.COMPLAINT, -0.4, null, 250_000L, 900))
        .isGreaterThan(formula.urgency(TriageClass.COMPLAINT, -0.4, null, 12L, 0));
  }

  @Test
  void theSortKeyAddsTheHoursTheCustomerHasWaited() {
    PriorityFormula formula = PriorityFormula.load();
    Instant now = Instant.parse("2026-11-25T12:00:00Z");
    // equally urgent: the one who has waited longer comes first
    assertThat(formula.priority(0.5, now.minus(Duration.ofHours(2)), now))
        .isGreaterThan(formula.priority(0.5, now.minus(Duration.ofMinutes(5)), now));
    // 10 hours of waiting (0.02 an hour) outweigh 0.1 of urgency, not 0.3
    long waitedTenHours = formula.priority(0.4, now.minus(Duration.ofHours(10)), now);
    assertThat(waitedTenHours).isGreaterThan(formula.priority(0.5, now, now));
    assertThat(waitedTenHours).isLessThan(formula.priority(0.7, now, now));
    // the key is fixed at filing and stays right as time passes: a case filed an hour later with the
    // same urgency and the same publication time gets the same key
    assertThat(formula.priority(0.5, now.minus(Duration.ofHours(3)), now.plus(Duration.ofHours(1))))
        .isEqualTo(formula.priority(0.5, now.minus(Duration.ofHours(3)), now));
  }

  @Test
  void anOldReviewImportedTodayGetsADaysHeadStartNotAYears() {
    PriorityFormula formula = PriorityFormula.load();
    Instant now = Instant.parse("2026-11-25T12:00:00Z");
    long lastYear = formula.priority(0.3, now.minus(Duration.ofDays(365)), now);
    assertThat(lastYear).isEqualTo(formula.priority(0.3, now.minus(Duration.ofHours(24)), now));
    assertThat(lastYear).isLessThan(formula.priority(0.9, now, now));
    // a publication time in the future (a skewed clock) counts as now
    assertThat(formula.priority(0.3, now.plus(Duration.ofHours(5)), now)).isEqualTo(formula.priority(0.3, now, now));
  }
}
