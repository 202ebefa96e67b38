package nl.webcare.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What written care texts are about, in English and in Dutch. */
class AspectLexiconTest {
  private static final AspectLexicon ASPECTS = AspectLexicon.load();

  @Test
  void englishCareTextsNameTheirAspects() {
    assertThat(ASPECTS.aspectsOf("My parcel never came and the refund is still pending", "en"))
        .containsExactly("delivery", "refund");
    assertThat(ASPECTS.aspectsOf("Charged twice on my last invoice, please fix", "en")).containsExactly("billing");
    assertThat(ASPECTS.aspectsOf("The app crashes every time I log in", "en")).containsExactly("app");
    assertThat(ASPECTS.aspectsOf("Been on hold for an hour, nobody answers", "en")).containsExactly("service");
    assertThat(ASPECTS.aspectsOf("Thanks, great team!", "en")).isEmpty();
    // whole words only: "download" is no "down", "apply" no "app"
    assertThat(ASPECTS.aspectsOf("I want to apply for a download", "en")).isEmpty();
  }

  @Test
  void dutchCareTextsNameTheirAspectsCompoundsAndAccentsIncluded() {
    assertThat(ASPECTS.aspectsOf("De pakketbezorger kwam niet en de klantenservice reageert niet", "nl"))
        .containsExactly("delivery", "service");
    assertThat(ASPECTS.aspectsOf("Storing: geen stroom sinds vanochtend", "nl")).containsExactly("outage");
    assertThat(ASPECTS.aspectsOf("Mijn jaarafrekening klopt niet, veel te hoge tarieven", "nl"))
        .containsExactly("billing", "price");
    assertThat(ASPECTS.aspectsOf("Ik wil mijn geld terug, het product is kapot", "nl"))
        .containsExactly("quality", "refund");
    assertThat(ASPECTS.aspectsOf("Mijn FACTUUR is te laat", "nl")).containsExactly("billing", "delay");
  }

  @Test
  void aLanguageWithoutItsOwnListIsReadWithTheEnglishOne() {
    assertThat(ASPECTS.aspectsOf("refund please", "de")).containsExactly("refund");
    assertThat(ASPECTS.aspects()).contains("delivery", "billing", "price", "app", "outage", "service", "quality",
        "refund", "delay", "privacy");
  }
}
