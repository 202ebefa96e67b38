package nl.webcare.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.webcare.mention.SentimentResult;
import nl.webcare.support.SharedAnalyzer;
import org.junit.jupiter.api.Test;

/** What care texts are about, beyond the aspect lists: English noun phrases of the parse, Dutch content words. */
class TopicPhrasesTest {

  @Test
  void englishComplaintsGiveTheirNounPhrasesLemmatised() {
    // GIVEN written care texts WHEN scored by the service's analyzer THEN the phrases are their nouns, singular
    SentimentResult a = SharedAnalyzer.get().analyze(
        "The delivery drivers left my parcels in the rain again. Your customer service never answers!");
    assertThat(a.phrases()).contains("delivery driver", "parcel", "rain", "customer service");
    SentimentResult b = SharedAnalyzer.get().analyze("@acme_help My refund for the broken headphones is still missing");
    assertThat(b.phrases()).contains("refund", "headphone").noneMatch(p -> p.contains("@") || p.contains("acme_help"));
    // AND no pronouns, numbers or stop words
    SentimentResult c = SharedAnalyzer.get().analyze("I waited 3 days for something and nothing happened");
    assertThat(c.phrases()).doesNotContain("i", "something", "nothing", "days", "3");
  }

  @Test
  void dutchTextsGiveTheirContentWordsWithoutVerdicts() {
    SentimentResult nl = SharedAnalyzer.get().analyze(
        "Mijn pakket is nog steeds niet geleverd en de klantenservice reageert heel slecht op mijn mails");
    assertThat(nl.language()).isEqualTo("nl");
    assertThat(nl.phrases()).contains("pakket", "geleverd", "klantenservice", "mails")
        .doesNotContain("mijn", "steeds", "niet", "heel", "slecht");
  }

  @Test
  void aLongTextGivesAtMostTenPhrases() {
    String many = "Het pakket, de factuur, de monteur, de storing, de app, de website, de korting, de prijs, "
        + "de bezorger, de levering, de retour, de winkel en de kassa";
    List<String> words = TopicPhrases.load().contentWords(many);
    assertThat(words).hasSize(TopicPhrases.MAX_PER_TEXT).startsWith("pakket", "factuur");
  }
}
