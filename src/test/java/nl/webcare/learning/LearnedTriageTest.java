package nl.webcare.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.webcare.mention.Mention;
import nl.webcare.sentiment.VaderSentimentAnalyzer;
import nl.webcare.triage.MentionAssessor;
import nl.webcare.triage.Triage;
import org.junit.jupiter.api.Test;

/** The learned layer on a small written set: it learns the labels, the same way every time, and keeps. */
class LearnedTriageTest {
  private static final MentionAssessor RULES = new MentionAssessor(VaderSentimentAnalyzer.load(), Triage.standard());
  private static final List<String> LABELS = List.of("complaint", "not_complaint");

  private static LearnedTriage.Example example(String text, String label) {
    return new LearnedTriage.Example(TriageFeatures.of(text, RULES.assess(Mention.ofText("t", text, text))), label);
  }

  /** Complaints stated as plain facts (no sentiment word) against ordinary chatter. */
  private static List<LearnedTriage.Example> examples() {
    List<LearnedTriage.Example> out = new ArrayList<>();
    String[] things = {"router", "modem", "meter", "parcel", "invoice", "app", "card", "phone", "account", "order"};
    for (String thing : things) {
      out.add(example("Still no signal from my " + thing + " since Monday", "complaint"));
      out.add(example("My " + thing + " still not connected after three days", "complaint"));
      out.add(example("Still waiting for my " + thing + " since last week", "complaint"));
      out.add(example("Picked up a new " + thing + " at the shop today", "not_complaint"));
      out.add(example("Reading about the " + thing + " in the paper this morning", "not_complaint"));
      out.add(example("Our " + thing + " arrived with the rest of the shopping", "not_complaint"));
    }
    return out;
  }

  @Test
  void itLearnsFromLabelledTextsAndTheSameWayEveryTime(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    LearnedTriage first = LearnedTriage.train(examples(), LABELS, "needs-reply", "en", "written for this test", 1.0);
    LearnedTriage second = LearnedTriage.train(examples(), LABELS, "needs-reply", "en", "written for this test", 1.0);
    String unseen = "Still no signal from my television since Monday";
    var features = TriageFeatures.of(unseen, RULES.assess(Mention.ofText("t", "u", unseen)));
    assertThat(first.predict(features)).isEqualTo("complaint");
    assertThat(first.probabilities(features)).containsExactly(second.probabilities(features));
    String chatter = "Picked up a new television at the shop today";
    assertThat(first.predict(TriageFeatures.of(chatter, RULES.assess(Mention.ofText("t", "c", chatter)))))
        .isEqualTo("not_complaint");
    // written and read back, it says the same, and where it came from
    Path file = dir.resolve("model.txt");
    first.write(file);
    LearnedTriage read = LearnedTriage.read(file);
    assertThat(read.probabilities(features)).containsExactly(first.probabilities(features));
    assertThat(read.about().examples()).isEqualTo(60);
    assertThat(read.about().origin()).isEqualTo("written for this test");
    assertThat(Files.readAllLines(file).get(0)).contains("\"task\":\"needs-reply\"", "\"language\":\"en\"");
  }

  @Test
  void theHalvesSplitAFileTheSameWayEveryTimeAndCoverIt() {
    int train = 0;
    for (int i = 0; i < 1000; i++) {
      String id = "row-" + i;
      assertThat(Halves.TRAIN.holds(id)).isNotEqualTo(Halves.TEST.holds(id));
      train += Halves.TRAIN.holds(id) ? 1 : 0;
    }
    assertThat(train).isBetween(400, 600);
  }
}
