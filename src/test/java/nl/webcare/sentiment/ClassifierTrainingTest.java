package nl.webcare.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.webcare.mention.Probabilities;
import nl.webcare.support.SharedAnalyzer;
import org.junit.jupiter.api.Test;

class ClassifierTrainingTest {

  @Test
  void aTrainedModelIsWrittenReadBackAndSeparatesClearCases() throws Exception {
    // GIVEN a small labelled file of clear complaints and clear praise
    StringBuilder tsv = new StringBuilder("id\tlabel\ttext\tmeta\n");
    String[] bad = {"terrible service, I am furious", "the worst airline ever, awful", "my bag is lost, horrible",
        "rude staff and a disgusting seat", "I hate this company, useless"};
    String[] good = {"wonderful crew, thank you so much", "great flight, I love it", "amazing service, the best",
        "fantastic staff, very happy", "excellent food and lovely people"};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < bad.length; j++) {
        tsv.append("b").append(i).append(j).append("\tnegative\t").append(bad[j]).append("\t\n");
        tsv.append("g").append(i).append(j).append("\tpositive\t").append(good[j]).append("\t\n");
      }
    }
    Path file = Files.createTempFile("train", ".tsv");
    Files.writeString(file, tsv.toString());
    Path model = Files.createTempFile("model", ".ser.gz");
    // WHEN the classifier is trained on it with the shipped settings
    int n = ClassifierTraining.train(model, List.of(file), SharedAnalyzer.coreNlp());
    // THEN the model reads back and tells the two kinds apart on texts it has not seen
    assertThat(n).isEqualTo(40);
    TrainedSentimentClassifier classifier;
    try (InputStream in = Files.newInputStream(model)) {
      classifier = TrainedSentimentClassifier.read(in);
    }
    SocialSentimentAnalyzer english = new SocialSentimentAnalyzer(SharedAnalyzer.coreNlp(), SentimentLexicon.load(),
        TriageCues.load("en"), CombinationSettings.load("en"), classifier);
    Probabilities complaint = classifier.classify(english.evidence("horrible and rude, the worst"));
    Probabilities praise = classifier.classify(english.evidence("lovely crew, thank you"));
    assertThat(complaint.negative()).isGreaterThan(complaint.positive());
    assertThat(praise.positive()).isGreaterThan(praise.negative());
    assertThat(english.analyze("lovely crew, thank you").cues()).anySatisfy(c -> assertThat(c).startsWith("classifier:"));
  }
}
