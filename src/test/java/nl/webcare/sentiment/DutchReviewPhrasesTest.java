package nl.webcare.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import nl.webcare.mention.SentimentLabel;
import nl.webcare.support.SharedAnalyzer;
import org.junit.jupiter.api.Test;

/** Dutch review phrases without a plain sentiment adjective: separable verbs, idioms, superlatives, compounds. */
class DutchReviewPhrasesTest {
  private static SentimentLabel label(String text) {
    return SharedAnalyzer.get().analyze(text).label();
  }

  @Test
  void disappointmentAndWasteSaidInPhrasesAreNegative() {
    assertThat(label("Het boek viel me eerlijk gezegd tegen, zonde van het geld.")).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(label("De nieuwe versie van de app slaat de plank volledig mis.")).isNotEqualTo(SentimentLabel.POSITIVE);
    assertThat(label("Dit is de slechtste aankoop die ik ooit gedaan heb.")).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(label("Wat een flutboek, niet te lezen.")).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void neverSuchAIsEmphasisNotANegation() {
    // "nooit" would flip "slechte" into praise; "nog nooit zo'n" says how bad it was
    assertThat(label("Nog nooit zo'n slechte klantenservice meegemaakt.")).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(label("Nog nooit zo'n goede service gehad, top!")).isEqualTo(SentimentLabel.POSITIVE);
  }
}
