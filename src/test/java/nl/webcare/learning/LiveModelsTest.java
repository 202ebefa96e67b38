package nl.webcare.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.webcare.mention.Mention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.sentiment.VaderSentimentAnalyzer;
import nl.webcare.triage.MentionAssessor;
import nl.webcare.triage.Triage;
import org.junit.jupiter.api.Test;

/** The current models applied beside the rules, as the scorer applies them to every mention. */
class LiveModelsTest {
  private static final MentionAssessor RULES = new MentionAssessor(VaderSentimentAnalyzer.load(), Triage.standard());
  private static final String[] FLAVOURS = {"chocolate", "caramel", "cherry", "mint", "vanilla", "mocha", "toffee",
      "lemon", "banana", "coconut"};

  private static MentionAssessor.Assessment rules(String text) {
    return RULES.assess(Mention.ofText("t", text, text));
  }

  private static LearnedTriage.Example example(String text, String label) {
    return new LearnedTriage.Example(TriageFeatures.of(text, rules(text)), label);
  }

  @Test
  void aSentimentModelOfTheTeamsLabelsRelabelsAMentionAndSaysSo() throws Exception {
    // GIVEN the brand sells a sundae called "Disaster", which the rules read as a negative word; the team corrected
    // such mentions to positive, and ordinary complaints and chatter kept their labels
    List<LearnedTriage.Example> examples = new ArrayList<>();
    for (String flavour : FLAVOURS) {
      examples.add(example("Had the " + flavour + " disaster sundae again tonight", "positive"));
      examples.add(example("Ordered a " + flavour + " disaster for the kids", "positive"));
      examples.add(example("The " + flavour + " shake was warm and the staff rude", "negative"));
      examples.add(example("Is the " + flavour + " cone on the menu this week", "neutral"));
    }
    String text = "Had the pistachio disaster sundae tonight";
    assertThat(rules(text).scored().sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    MemoryModelStore store = new MemoryModelStore();
    ModelVersion v = store.save("unknown|en|sentiment", LearnedTriage.train(examples,
        List.of("negative", "neutral", "positive"), "sentiment", "en", "written for this test", 4.0), 0, 1, null, true)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    LiveModels live = new LiveModels(store);
    // before the models are read, the rules decide
    assertThat(live.apply(rules(text)).scored().sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);

    live.refresh().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    // THEN the mention is positive, with the model's probabilities and a cue naming the version; the score stays
    MentionAssessor.Assessment applied = live.apply(rules(text));
    assertThat(applied.scored().sentiment().label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(applied.scored().sentiment().probabilities().positive()).isGreaterThan(0.5);
    assertThat(applied.scored().sentiment().cues()).contains("learned:" + v.id() + ":positive");
    assertThat(applied.scored().sentiment().score()).isEqualTo(rules(text).scored().sentiment().score());
    // AND a plain complaint keeps its negative label (no cue: the model agrees)
    MentionAssessor.Assessment complaint = live.apply(rules("The pistachio shake was warm and the staff rude"));
    assertThat(complaint.scored().sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(complaint.scored().sentiment().cues()).noneMatch(c -> c.startsWith("learned:"));
  }
}
