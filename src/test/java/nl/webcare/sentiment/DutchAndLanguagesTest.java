package nl.webcare.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;
import nl.webcare.support.SharedAnalyzer;
import org.junit.jupiter.api.Test;

class DutchAndLanguagesTest {
  private final SentimentAnalyzer analyzer = SharedAnalyzer.get();

  @Test
  void dutchComplaintsAreNegativeWithTheCuesThatFired() {
    SentimentResult result = analyzer.analyze("Ik wacht nog steeds op mijn terugbetaling, klantenservice reageert niet!");
    assertThat(result.language()).isEqualTo("nl");
    assertThat(result.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(result.cues()).contains("complaint:klantenservice reageert niet");
  }

  @Test
  void dutchNegationFlipsAndPraiseIsPositive() {
    assertThat(analyzer.analyze("De bezorger was heel vriendelijk en behulpzaam, geweldig!").label())
        .isEqualTo(SentimentLabel.POSITIVE);
    assertThat(analyzer.analyze("De service is echt niet goed en de app is waardeloos").label())
        .isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void aNegationDoesNotReachIntoTheNextSentence() {
    SentimentResult result = analyzer.analyze("Klantenservice reageert niet. Waardeloos.");
    assertThat(result.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(result.cues()).anySatisfy(c -> assertThat(c).startsWith("waardeloos:-"));
  }

  @Test
  void aLanguageWebcareCannotScoreIsMarkedUnscoredWithItsCode() {
    SentimentResult polish = analyzer.analyze("Dziękuję bardzo za szybką pomoc, wszystko działa świetnie");
    assertThat(polish.label()).isEqualTo(SentimentLabel.UNSCORED);
    assertThat(polish.language()).isEqualTo("pl");
    SentimentResult german = analyzer.analyze("Die Lieferung ist schon wieder zu spät und niemand antwortet");
    assertThat(german.label()).isEqualTo(SentimentLabel.UNSCORED);
    assertThat(german.language()).isEqualTo("de");
  }

  @Test
  void aTextIsScoredOnlyInALanguageWebcareScoresAndNeverGuessed() {
    // Slovak was taken for Dutch, Afrikaans reads as Dutch: both are named and left unscored
    SentimentResult slovak = analyzer.analyze("Balík stále nedorazil a nikto neodpovedá na moje správy");
    assertThat(slovak.label()).isEqualTo(SentimentLabel.UNSCORED);
    assertThat(slovak.language()).isEqualTo("sk");
    SentimentResult afrikaans = analyzer.analyze("Dankie vir die vinnige hulp, alles werk nou weer baie goed");
    assertThat(afrikaans.label()).isEqualTo(SentimentLabel.UNSCORED);
    assertThat(afrikaans.language()).isEqualTo("af");
    // Czech, which Lingua is not given: its letters are neither Dutch nor English
    SentimentResult czech = analyzer.analyze("Zásilka stále nedorazila a nikdo mi neodpovídá, je to hrozné");
    assertThat(czech.label()).isEqualTo(SentimentLabel.UNSCORED);
    assertThat(czech.language()).isNotIn("nl", "en");
    // words whose language cannot be told are not scored as English; a text of emoji only has no language
    SentimentResult undetermined = analyzer.analyze("Xqz blorf");
    assertThat(undetermined.language()).isEqualTo("und");
    assertThat(undetermined.label()).isEqualTo(SentimentLabel.UNSCORED);
    assertThat(analyzer.analyze("😡😡😡").label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void theProbabilitiesBelongToTheLabel() {
    for (String text : new String[] {"Thanks for the quick help, all sorted now!",
        "@airline my bag is lost and nobody answers the phone. Terrible!!",
        "Acme published its quarterly report today.", "I guess it works, but the app is a bit slow sometimes.",
        "Ik wacht nog steeds op mijn terugbetaling, klantenservice reageert niet!",
        "De bezorger was heel vriendelijk en behulpzaam, geweldig!", "Het pakket is vandaag bezorgd."}) {
      SentimentResult result = analyzer.analyze(text);
      var p = result.probabilities();
      SentimentLabel largest = p.negative() >= p.neutral() && p.negative() >= p.positive() ? SentimentLabel.NEGATIVE
          : p.positive() >= p.neutral() ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
      assertThat(largest).as(text).isEqualTo(result.label());
      assertThat(p.negative() + p.neutral() + p.positive()).as(text).isCloseTo(1.0,
          org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void aTextTooShortToDetectIsDutchWhenItsWordsAreDutch() {
    SentimentResult thanks = analyzer.analyze("Bedankt!");
    assertThat(thanks.language()).isEqualTo("nl");
    assertThat(thanks.label()).isEqualTo(SentimentLabel.POSITIVE);
    // English words, or none that either lexicon knows, stay with the English scorer
    assertThat(analyzer.analyze("Thanks!").language()).isIn("en", "und");
    assertThat(analyzer.analyze("👍").language()).isEqualTo("und");
    // "bar" is a Dutch word (grim) that VADER lacks, but this is English
    assertThat(analyzer.analyze("I'm at Chili's Grill & Bar").language()).isNotEqualTo("nl");
  }

  @Test
  void englishIsScoredWithCoreNlpAndTheLexicon() {
    SentimentResult result = analyzer.analyze("@airline my bag is lost and nobody answers the phone. Terrible!!");
    assertThat(result.language()).isEqualTo("en");
    assertThat(result.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(result.sentences()).isNotEmpty();
    assertThat(result.cues()).anySatisfy(c -> assertThat(c).startsWith("corenlp:"));
  }

  @Test
  void oddInputGetsALabelInBoundedTime() {
    for (String text : new String[] {"", "https://t.co/abc", "😡😡😡", "ok", "\uFFFD\uFFFD\uFFFD",
        "Het pakket is niet aangekomen but the driver said it was delivered, ridiculous"}) {
      assertThat(analyzer.analyze(text).label()).as(text).isNotNull();
    }
    String megabyte = "The app keeps crashing and support never answers. ".repeat(20_000);
    SentimentResult huge = analyzer.analyze(megabyte);
    assertThat(huge.truncated()).isTrue();
    assertThat(huge.label()).isEqualTo(SentimentLabel.NEGATIVE);
  }
}
