package nl.webcare.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.SentenceSentiment;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;
import org.junit.jupiter.api.Test;

class SentenceAggregationTest {

  @Test
  void aStrongComplaintAmongFriendlySentencesMakesTheMentionNegative() {
    SentimentResult result = CoreNlpSentimentAnalyzer.aggregate(List.of(
        sentence(0, 3, 0.4), sentence(1, 3, 0.5), sentence(2, 0, -0.85)), false);
    assertThat(result.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(result.score()).isEqualTo(-0.85);
  }

  @Test
  void aMildlyNegativePhraseInPraiseDoesNotMakeItNegative() {
    // "Thanks for the quick reply, problem solved. Great service." as CoreNLP scores it
    SentimentResult result = CoreNlpSentimentAnalyzer.aggregate(List.of(
        sentence(0, 1, -0.27), sentence(1, 4, 0.90)), false);
    assertThat(result.label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(result.score()).isEqualTo(0.90);
  }

  @Test
  void withoutClearSentencesTheMeanDecidesAndTheLabelIsNeutral() {
    SentimentResult result = CoreNlpSentimentAnalyzer.aggregate(List.of(
        sentence(0, 2, 0.1), sentence(1, 2, -0.1), sentence(2, 2, 0.06)), true);
    assertThat(result.label()).isEqualTo(SentimentLabel.NEUTRAL);
    assertThat(result.score()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(result.truncated()).isTrue();
  }

  private static SentenceSentiment sentence(int index, int sentimentClass, double score) {
    return new SentenceSentiment(index, sentimentClass, score, Probabilities.fromScore(score));
  }
}
