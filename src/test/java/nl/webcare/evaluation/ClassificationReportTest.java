package nl.webcare.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

  @Test
  void figuresFollowFromTheConfusionMatrix() {
    ClassificationReport report = new ClassificationReport(List.of("negative", "neutral", "positive"));
    // gold negative: 8 right, 2 called neutral; gold neutral: 1 called negative, 4 right; gold positive: 5 right
    for (int i = 0; i < 8; i++) {
      report.add("negative", "negative");
    }
    report.add("negative", "neutral");
    report.add("negative", "neutral");
    report.add("neutral", "negative");
    for (int i = 0; i < 4; i++) {
      report.add("neutral", "neutral");
    }
    for (int i = 0; i < 5; i++) {
      report.add("positive", "positive");
    }
    assertThat(report.n()).isEqualTo(20);
    assertThat(report.precision("negative")).isCloseTo(8 / 9.0, offset(1e-9));
    assertThat(report.recall("negative")).isCloseTo(0.8, offset(1e-9));
    assertThat(report.accuracy()).isCloseTo(17 / 20.0, offset(1e-9));
    double f1Negative = 2 * (8 / 9.0) * 0.8 / (8 / 9.0 + 0.8);
    double f1Neutral = 2 * (4 / 6.0) * 0.8 / (4 / 6.0 + 0.8);
    assertThat(report.macroF1()).isCloseTo((f1Negative + f1Neutral + 1.0) / 3, offset(1e-9));
    assertThat(report.toJson().getJsonObject("confusion").getJsonObject("negative").getLong("neutral")).isEqualTo(2);
  }
}
