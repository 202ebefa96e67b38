package nl.webcare.sentiment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import nl.webcare.mention.SentimentResult;

/**
 * Everything the English scorer knows about one text: CoreNLP's aggregated verdict, the lexicon score,
 * the cue phrases and the words. The hand-set combination and the trained classifier both read it, and
 * {@link #featureColumns} is the one place that turns it into the classifier's input columns.
 */
record EnglishEvidence(
    SentimentResult coreNlp,
    LexiconScorer.LexiconScore lexicon,
    Map<TriageCues.Kind, List<String>> cues,
    SocialText.Prepared prepared) {

  int count(TriageCues.Kind kind) {
    return cues.getOrDefault(kind, List.of()).size();
  }

  /**
   * The classifier's columns, tab-separated: 8 real-valued features, then the words. Column numbers in
   * {@code sentiment-models/classifier/en-sentiment.prop} follow this order.
   */
  String featureColumns() {
    StringJoiner row = new StringJoiner("\t");
    row.add(number(coreNlp.probabilities().negative()));
    row.add(number(coreNlp.probabilities().positive()));
    row.add(number(coreNlp.score()));
    row.add(number(lexicon.compound()));
    row.add(number(Math.min(3, count(TriageCues.Kind.COMPLAINT) + count(TriageCues.Kind.CRISIS))));
    row.add(number(Math.min(3, count(TriageCues.Kind.PRAISE))));
    row.add(number(Math.min(3, count(TriageCues.Kind.QUESTION) + count(TriageCues.Kind.HELP))));
    row.add(number(Math.min(4, prepared.exclamations())));
    StringJoiner words = new StringJoiner(" ");
    for (SocialText.Token token : prepared.tokens()) {
      if (!token.word().isBlank()) {
        words.add(token.word().replace('\t', ' '));
      }
    }
    row.add(words.length() == 0 ? "_" : words.toString());
    return row.toString();
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
