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
  void aNegationStopsAtTheEndOfItsSentence() {
    // "nothing" negates in its own sentence only: "So annoying" after it stays negative
    assertThat(scorer.score(social.prepare("Paid extra for nothing. So annoying!!!")).cues())
        .anyMatch(c -> c.startsWith("annoying:-"));
    assertThat(compound("Paid extra for nothing. So annoying!!!")).isNegative();
    assertThat(compound("It was not bad")).isPositive(); // within a sentence it still flips
  }

  @Test
  void aSentimentWordInsideANameCarriesNoSentiment() {
    // "Best" of Best Buy, "Great" of Great Western: names, not praise
    assertThat(scorer.score(social.prepare("Ordered a TV from Best Buy and it never came")).cues())
        .noneMatch(c -> c.startsWith("best:"));
    assertThat(scorer.score(social.prepare("We took the Great Western train to Bath this morning")).cues()).isEmpty();
    // the first word of a sentence, a word before a pronoun and a headline in title case keep theirs
    assertThat(scorer.score(social.prepare("Best Buy was the best shop")).cues()).hasSize(2);
    assertThat(compound("and so Thank You Delta")).isPositive();
    assertThat(compound("Review: Great Food And Friendly Staff")).isPositive();
    // a name that ends a sentence's clause: "best" after it is a word again
    assertThat(scorer.score(social.prepare("went to Best Buy, best decision")).cues()).hasSize(1);
  }

  @Test
  void aNegationStopsAtAComma() {
    // "never" negates "arrived", not "terrible" in the clause after the comma
    assertThat(scorer.score(social.prepare("My parcel never arrived, terrible service")).cues())
        .anyMatch(c -> c.startsWith("terrible:-"));
    assertThat(compound("My parcel never arrived, terrible service")).isNegative();
    assertThat(compound("The food was not bad at all")).isPositive(); // within a clause it still flips
  }

  @Test
  void anEmoticonIsNeverTurnedAroundByANegation() {
    assertThat(compound("The app isn't working :(")).isNegative();
    assertThat(scorer.score(social.prepare("The app isn't working :(")).cues()).anyMatch(c -> c.startsWith(":(:-"));
  }

  @Test
  void theWordsOfCareWorkAreNoPraise() {
    assertThat(scorer.score(social.prepare("Customer care and support, and a credit")).cues()).isEmpty();
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
