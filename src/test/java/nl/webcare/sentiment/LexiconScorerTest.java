package nl.webcare.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LexiconScorerTest {
  private static final SentimentLexicon WORDS = SentimentLexicon.load();
  private final SocialText social = new SocialText(WORDS);
  private final LexiconScorer scorer = new LexiconScorer(WORDS);

  private double compound(String text) {
    return scorer.score(social.prepare(text)).compound();
  }

  @Test
  void negationFlipsAndDampsTheWordsAfterIt() {
    assertThat(compound("The service was good")).isPositive();
    assertThat(compound("The service was not good")).isNegative();
    assertThat(Math.abs(compound("The service was not good"))).isLessThan(compound("The service was good"));
  }

  @Test
  void boostersCapitalsAndExclamationsStrengthen() {
    double plain = compound("The crew was great");
    assertThat(compound("The crew was really great")).isGreaterThan(plain);
    assertThat(compound("The crew was GREAT")).isGreaterThan(plain);
    assertThat(compound("The crew was great!!!")).isGreaterThan(plain);
  }

  @Test
  void theClauseAfterButCountsMore() {
    assertThat(compound("The food was good but the service was horrible")).isNegative();
  }

  @Test
  void emojiEmoticonsAndElongationsCarrySentiment() {
    assertThat(compound("just landed 😡😡")).isNegative();
    assertThat(compound("thanks :)")).isPositive();
    assertThat(compound("sooooo baaaad")).isNegative();
  }

  @Test
  void cuesSayWhichWordsFired() {
    assertThat(scorer.score(social.prepare("terrible service")).cues()).anySatisfy(c -> assertThat(c).startsWith("terrible:"));
  }

  @Test
  void textForCoreNlpLosesUrlsHandlesAndEmojiAndSplitsHashtags() {
    SocialText.Prepared prepared = social.prepare("@united your crew is AWESOME #BestAirlineEver 😍 https://t.co/x1");
    assertThat(prepared.forParser()).isEqualTo("your crew is awesome Best Airline Ever");
  }
}
