package nl.webcare.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;
import nl.webcare.support.SharedAnalyzer;
import org.junit.jupiter.api.Test;

class CoreNlpSentimentAnalyzerTest {
  private final SentimentAnalyzer analyzer = SharedAnalyzer.coreNlp();

  @Test
  void aClearComplaintIsNegative() {
    SentimentResult result = analyzer.analyze("This is the worst airline ever. Terrible, rude staff and my bag is lost.");
    assertThat(result.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(result.score()).isNegative();
    assertThat(result.sentences()).hasSize(2);
  }

  @Test
  void clearPraiseIsPositive() {
    SentimentResult result = analyzer.analyze("Thank you so much, the crew was wonderful and the flight was great!");
    assertThat(result.label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(result.score()).isPositive();
  }

  @Test
  void oneAngrySentenceInAPoliteMessageIsNotAveragedAway() {
    SentimentResult result = analyzer.analyze(
        "Hello, thanks for the offer. Sadly my package never arrived and your service is terrible.");
    assertThat(result.label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void praiseWithAMildlyNegativePhraseIsNotAComplaint() {
    // CoreNLP calls "problem solved" negative; the strong praise after it decides
    SentimentResult result = analyzer.analyze("Thanks for the quick reply, problem solved. Great service.");
    assertThat(result.label()).isEqualTo(SentimentLabel.POSITIVE);
  }

  @Test
  void emptyTextAndTextWithoutWordsAreNeutral() {
    for (String text : new String[] {"", "   ", "!!! ??? ...", "😡😡😡"}) {
      SentimentResult result = analyzer.analyze(text);
      assertThat(result.label()).as(text).isEqualTo(SentimentLabel.NEUTRAL);
      assertThat(result.sentences()).as(text).isEmpty();
    }
  }

  @Test
  void aOneMegabyteReviewIsScoredOnABoundedPrefixAndMarkedTruncated() {
    String sentence = "The product broke after one day and support never answered my emails. ";
    String huge = sentence.repeat(1_000_000 / sentence.length() + 1);
    SentimentResult result = analyzer.analyze(huge);
    assertThat(result.truncated()).isTrue();
    assertThat(result.sentences()).hasSizeLessThanOrEqualTo(30);
    assertThat(result.label()).isNotNull();
  }

  @Test
  void aTwoThousandTokenSentenceIsCutIntoBoundedPieces() {
    // 2,000 tokens without a full stop; the 4,000-character prefix holds about 800 of them
    String runOn = "and the train was late again ".repeat(334);
    SentimentResult result = analyzer.analyze(runOn);
    // THEN the prefix is cut into pieces of at most 40 tokens (so at least 800 / 40), each with a class
    assertThat(result.truncated()).isTrue();
    assertThat(result.sentences()).hasSizeGreaterThanOrEqualTo(800 / 40);
    assertThat(result.sentences()).allSatisfy(s -> assertThat(s.sentimentClass()).isBetween(0, 4));
  }

  @Test
  void invalidAndMixedCharactersAreScoredWithoutError() {
    SentimentResult result = analyzer.analyze("Slechte service \uFFFD\uFFFD but the app is \u0000 terrible");
    assertThat(result.label()).isNotNull();
  }
}
