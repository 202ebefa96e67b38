package nl.webcare.sentiment;

import edu.stanford.nlp.classify.ColumnDataClassifier;
import edu.stanford.nlp.ling.Datum;
import edu.stanford.nlp.stats.Counter;
import edu.stanford.nlp.stats.Counters;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.zip.GZIPInputStream;
import nl.webcare.mention.Probabilities;

/**
 * A logistic-regression classifier trained with CoreNLP's {@link ColumnDataClassifier} over the
 * {@link EnglishEvidence} columns (the recipe: {@code sentiment-models/classifier/README.md}). Thread-safe
 * for classification.
 */
final class TrainedSentimentClassifier {
  static final String MODEL = "sentiment-models/classifier/en-sentiment.ser.gz";

  private final ColumnDataClassifier classifier;

  private TrainedSentimentClassifier(ColumnDataClassifier classifier) {
    this.classifier = classifier;
  }

  /** The shipped model, or null when the jar has none. */
  static TrainedSentimentClassifier loadShipped() {
    try (InputStream in = TrainedSentimentClassifier.class.getClassLoader().getResourceAsStream(MODEL)) {
      return in == null ? null : read(in);
    } catch (Exception e) {
      throw new IllegalStateException("cannot load " + MODEL + ": " + e.getMessage(), e);
    }
  }

  /** Reads a model as {@code train-classifier} writes it (gzipped serialized ColumnDataClassifier). */
  static TrainedSentimentClassifier read(InputStream gzipped) throws Exception {
    try (ObjectInputStream objects = new ObjectInputStream(new GZIPInputStream(gzipped))) {
      return new TrainedSentimentClassifier(ColumnDataClassifier.getClassifier(objects));
    }
  }

  Probabilities classify(EnglishEvidence evidence) {
    Datum<String, String> datum = classifier.makeDatumFromLine("neutral\t" + evidence.featureColumns());
    Counter<String> scores = classifier.scoresOf(datum);
    Counters.logNormalizeInPlace(scores);
    return new Probabilities(Math.exp(scores.getCount("negative")), Math.exp(scores.getCount("neutral")),
        Math.exp(scores.getCount("positive")));
  }
}
