package nl.webcare.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DutchLexiconScorerTest {
  private static final DutchLexiconScorer SCORER = DutchLexiconScorer.load(SentimentLexicon.load());

  @Test
  void aPrepositionThatPatternAlsoListsAsAnAdjectiveCarriesNoPolarity() {
    // Pattern lists "naar" as "akelig" (-0.6); here it is "to".
    DutchLexiconScorer.DutchScore score = SCORER.score("Ik ga morgen naar Utrecht en laat de auto thuis");
    assertThat(score.score()).isZero();
    assertThat(score.cues()).isEmpty();
  }

  @Test
  void anInflectedAdjectiveIsScoredAsItsBaseForm() {
    assertThat(DutchLexiconScorer.baseForms("grote")).contains("groot");
    assertThat(DutchLexiconScorer.baseForms("dikke")).contains("dik");
    assertThat(DutchLexiconScorer.baseForms("lieve")).contains("lief");
    assertThat(DutchLexiconScorer.baseForms("boze")).contains("boos");
    assertThat(DutchLexiconScorer.baseForms("moest")).isEmpty();

    DutchLexiconScorer.DutchScore score = SCORER.score("Wat een teleurstellende levering");
    assertThat(score.score()).isNegative();
    assertThat(score.cues()).anySatisfy(c -> assertThat(c).startsWith("teleurstellende:-"));
  }

  @Test
  void whatFollowsMaarWeighsMoreThanWhatCameBefore() {
    DutchLexiconScorer.DutchScore withMaar = SCORER.score("Het eten was lekker, maar de bezorging was slecht");
    DutchLexiconScorer.DutchScore without = SCORER.score("Het eten was lekker, de bezorging was slecht");
    assertThat(withMaar.score()).isNegative();
    assertThat(withMaar.score()).isLessThan(without.score());
  }

  @Test
  void dutchNounsAndVerbsThatPatternLacksCount() {
    assertThat(SCORER.score("Wat een puinhoop, echt prutswerk").score()).isNegative();
    assertThat(SCORER.score("Complimenten voor de behulpzaam medewerker, een aanrader").score()).isPositive();
  }

  @Test
  void oneClearlyNegativeSentenceIsNotAveragedAwayByFriendlyOnes() {
    DutchLexiconScorer.DutchScore score =
        SCORER.score("Fijne winkel, vriendelijk personeel en mooie spullen. De levering was waardeloos!");
    assertThat(score.score()).isLessThanOrEqualTo(-0.4);
    assertThat(score.cues()).anySatisfy(c -> assertThat(c).startsWith("sentence:-"));
    // a smaller gripe after stronger praise does not turn it
    assertThat(SCORER.score("Fijne winkel en vriendelijk personeel, echt geweldig. Wel jammer dat het druk was.").score())
        .isPositive();
  }

  @Test
  void englishWordsInInformalDutchCount() {
    assertThat(SCORER.score("Weer geen bezorging, epic fail, wtf").score()).isNegative();
  }
}
