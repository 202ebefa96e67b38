package nl.webcare.sentiment;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import nl.webcare.resources.ClasspathResources;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.SentenceSentiment;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;
import org.ejml.simple.SimpleMatrix;

/**
 * Stanford CoreNLP's recursive sentiment model over every sentence. Two pipelines built once: one
 * splits the text into sentences, the other tags, parses and scores them. Between the two, long
 * sentences are cut into pieces of at most {@code maxSentenceTokens} tokens, because the PCFG
 * parser's cost grows with the cube of sentence length and one run-on sentence must not stall the
 * scorers behind it.
 */
public final class CoreNlpSentimentAnalyzer implements SentimentAnalyzer {
  /** A negative sentence decides when it is at least this fraction as strong as the most positive one. */
  static final double NEGATIVE_OVER_POSITIVE = 0.5;

  private final StanfordCoreNLP splitter;
  private final StanfordCoreNLP scorer;
  private final SentenceChunker chunker;
  private final int maxTextChars;
  private final TopicPhrases phrases = TopicPhrases.load();

  private CoreNlpSentimentAnalyzer(StanfordCoreNLP splitter, StanfordCoreNLP scorer, SentenceChunker chunker,
      int maxTextChars) {
    this.splitter = splitter;
    this.scorer = scorer;
    this.chunker = chunker;
    this.maxTextChars = maxTextChars;
  }

  /** Classpath resource with the pipeline settings and bounds (from the top-level sentiment-models folder). */
  public static final String SETTINGS_RESOURCE = "sentiment-models/corenlp-sentiment.properties";

  /** Loads the models (several seconds): call once at start, off the event loop. */
  public static CoreNlpSentimentAnalyzer load(int maxTextChars) {
    Properties settings = settings();
    int maxSentenceTokens = Integer.parseInt(settings.getProperty("webcare.maxSentenceTokens"));
    int maxSentences = Integer.parseInt(settings.getProperty("webcare.maxSentences"));
    Properties score = withPrefix(settings, "score.");
    score.setProperty("parse.maxlen", Integer.toString(maxSentenceTokens + 1));
    return new CoreNlpSentimentAnalyzer(new StanfordCoreNLP(withPrefix(settings, "split.")),
        new StanfordCoreNLP(score, false), new SentenceChunker(maxSentenceTokens, maxSentences), maxTextChars);
  }

  private static Properties settings() {
    return ClasspathResources.properties(SETTINGS_RESOURCE);
  }

  private static Properties withPrefix(Properties settings, String prefix) {
    Properties selected = new Properties();
    for (String name : settings.stringPropertyNames()) {
      if (name.startsWith(prefix)) {
        selected.setProperty(name.substring(prefix.length()), settings.getProperty(name));
      }
    }
    return selected;
  }

  /** CoreNLP's sentence verdicts for a text, and whether only a prefix of it was read. */
  /** CoreNLP's sentence verdicts, whether only a prefix was read, and the noun phrases of the parse. */
  public record Sentences(List<SentenceSentiment> sentences, boolean truncated, List<String> phrases) {
    public Sentences(List<SentenceSentiment> sentences, boolean truncated) {
      this(sentences, truncated, List.of());
    }
  }

  @Override
  public SentimentResult analyze(String text) {
    Sentences scored = sentences(text);
    return aggregate(scored.sentences(), scored.truncated()).withPhrases(scored.phrases());
  }

  /** Scores every (bounded) sentence of the text. */
  public Sentences sentences(String text) {
    String cleaned = text == null ? "" : text.strip();
    boolean truncated = cleaned.length() > maxTextChars;
    if (truncated) {
      cleaned = cleaned.substring(0, maxTextChars);
    }
    if (cleaned.isEmpty()) {
      return new Sentences(List.of(), truncated);
    }
    Annotation document = new Annotation(cleaned);
    splitter.annotate(document);
    SentenceChunker.Chunks chunks = chunker.chunk(document);
    if (chunks.sentences().isEmpty()) {
      return new Sentences(List.of(), truncated);
    }
    document.set(CoreAnnotations.SentencesAnnotation.class, chunks.sentences());
    scorer.annotate(document);
    return new Sentences(sentenceVerdicts(document), truncated || chunks.truncated(), phrases.nounPhrases(
        document.get(CoreAnnotations.SentencesAnnotation.class).stream()
            .map(sentence -> sentence.get(edu.stanford.nlp.trees.TreeCoreAnnotations.TreeAnnotation.class))
            .filter(java.util.Objects::nonNull).toList()));
  }

  private static List<SentenceSentiment> sentenceVerdicts(Annotation document) {
    List<SentenceSentiment> out = new ArrayList<>();
    List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
    for (int i = 0; i < sentences.size(); i++) {
      Tree tree = sentences.get(i).get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      if (tree != null) {
        SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(tree);
        double[] p = new double[5];
        for (int c = 0; c < 5; c++) {
          p[c] = predictions.get(c);
        }
        out.add(new SentenceSentiment(i, RNNCoreAnnotations.getPredictedClass(tree), expectedScore(p),
            Probabilities.fromFiveClasses(p)));
      }
    }
    return out;
  }

  /** The class distribution's expected value, mapping classes 0..4 onto -1..1. */
  private static double expectedScore(double[] p) {
    double expected = 0;
    for (int c = 0; c < p.length; c++) {
      expected += p[c] * (c - 2) / 2.0;
    }
    return Math.max(-1, Math.min(1, expected));
  }

  /**
   * One clearly negative sentence makes the mention negative, so that a polite complaint that wraps its
   * complaint in friendly sentences is not averaged away; but only when that sentence is at least half as
   * strong as the most positive one, because CoreNLP calls many neutral phrases ("problem solved")
   * mildly negative and praise should not land on the worklist. The score follows the deciding sentence,
   * or the mean when none decides.
   */
  static SentimentResult aggregate(List<SentenceSentiment> sentences, boolean truncated) {
    if (sentences.isEmpty()) {
      return result(SentimentLabel.NEUTRAL, 0, Probabilities.UNKNOWN, sentences, truncated);
    }
    SentenceSentiment mostNegative = sentences.get(0);
    SentenceSentiment mostPositive = sentences.get(0);
    double sum = 0;
    for (SentenceSentiment s : sentences) {
      mostNegative = s.score() < mostNegative.score() ? s : mostNegative;
      mostPositive = s.score() > mostPositive.score() ? s : mostPositive;
      sum += s.score();
    }
    double negativity = Math.max(0, -mostNegative.score());
    double positivity = Math.max(0, mostPositive.score());
    if (mostNegative.sentimentClass() <= 1 && negativity >= NEGATIVE_OVER_POSITIVE * positivity) {
      return result(SentimentLabel.NEGATIVE, Math.min(mostNegative.score(), -0.01), mostNegative.probabilities(),
          sentences, truncated);
    }
    if (mostPositive.sentimentClass() >= 3) {
      return result(SentimentLabel.POSITIVE, Math.max(mostPositive.score(), 0.01), mostPositive.probabilities(),
          sentences, truncated);
    }
    return result(SentimentLabel.NEUTRAL, sum / sentences.size(), mean(sentences), sentences, truncated);
  }

  private static SentimentResult result(SentimentLabel label, double score, Probabilities probabilities,
      List<SentenceSentiment> sentences, boolean truncated) {
    return new SentimentResult(label, score, probabilities, "en", sentences, List.of(), truncated);
  }

  private static Probabilities mean(List<SentenceSentiment> sentences) {
    double n = 0;
    double u = 0;
    double p = 0;
    for (SentenceSentiment s : sentences) {
      n += s.probabilities().negative();
      u += s.probabilities().neutral();
      p += s.probabilities().positive();
    }
    int count = sentences.size();
    return new Probabilities(n / count, u / count, p / count);
  }
}
