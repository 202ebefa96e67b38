package nl.webcare.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;

/**
 * English social-media sentiment with CoreNLP at the core: the text is prepared for CoreNLP
 * ({@link SocialText}), CoreNLP's sentence verdicts are aggregated so that one clearly negative sentence
 * counts, and the result is combined with the VADER-rule lexicon score (emoji, emphasis, slang) and
 * the complaint and praise cue phrases, with the weights in {@link CombinationSettings}.
 */
final class SocialSentimentAnalyzer {
  private final CoreNlpSentimentAnalyzer coreNlp;
  private final SocialText socialText;
  private final LexiconScorer lexicon;
  private final SentimentLexicon words;
  private final TriageCues cues;
  private final CombinationSettings settings;
  private final TrainedSentimentClassifier classifier;

  /** @param classifier the trained classifier to decide with, or null for the hand-set combination */
  SocialSentimentAnalyzer(CoreNlpSentimentAnalyzer coreNlp, SentimentLexicon words, TriageCues cues,
      CombinationSettings settings, TrainedSentimentClassifier classifier) {
    this.classifier = classifier;
    this.coreNlp = coreNlp;
    this.socialText = new SocialText(words);
    this.lexicon = new LexiconScorer(words);
    this.words = words;
    this.cues = cues;
    this.settings = settings;
  }

  /** English lexicon words and cue phrases the text holds: how English a text too short to detect looks. */
  int knownWords(String text) {
    int known = 0;
    for (SocialText.Token token : socialText.prepare(text).tokens()) {
      if (words.valence(token.word()) != 0) {
        known++;
      }
    }
    return known + cues.count(CueText.of(text));
  }

  EnglishEvidence evidence(String text) {
    SocialText.Prepared prepared = socialText.prepare(text);
    CoreNlpSentimentAnalyzer.Sentences sentences = coreNlp.sentences(prepared.forParser());
    SentimentResult parsed = CoreNlpSentimentAnalyzer.aggregate(sentences.sentences(), sentences.truncated())
        .withPhrases(sentences.phrases());
    return new EnglishEvidence(parsed, lexicon.score(prepared), cues.find(CueText.of(text)), prepared);
  }

  SentimentResult analyze(String text) {
    EnglishEvidence e = evidence(text);
    List<String> why = new ArrayList<>();
    why.add(String.format(Locale.ROOT, "corenlp:%s:%.2f", e.coreNlp().label().wire(), e.coreNlp().score()));
    why.add(String.format(Locale.ROOT, "lexicon:%.2f", e.lexicon().compound()));
    why.addAll(e.lexicon().cues());
    e.cues().forEach((kind, phrases) -> phrases.forEach(phrase -> why.add(kind.name().toLowerCase(Locale.ROOT) + ":" + phrase)));
    if (classifier != null) {
      Probabilities p = classifier.classify(e);
      why.add(String.format(Locale.ROOT, "classifier:%.2f/%.2f/%.2f", p.negative(), p.neutral(), p.positive()));
      return new SentimentResult(argmax(p), Math.max(-1, Math.min(1, p.positive() - p.negative())), p, "en",
          e.coreNlp().sentences(), why, e.coreNlp().truncated(), e.coreNlp().phrases());
    }
    int complaints = e.count(TriageCues.Kind.COMPLAINT) + e.count(TriageCues.Kind.CRISIS);
    double combined = settings.coreNlpWeight() * e.coreNlp().score() + settings.lexiconWeight() * e.lexicon().compound()
        - settings.complaintCueWeight() * Math.min(complaints, 2)
        + settings.praiseCueWeight() * Math.min(e.count(TriageCues.Kind.PRAISE), 1);
    double score = Math.max(-1, Math.min(1, combined));
    // the shares of this decision, not CoreNLP's own distribution (which can disagree; its classes per sentence
    // stay in the sentences)
    return new SentimentResult(label(combined), score, Probabilities.ofDecision(combined, settings.negativeThreshold(),
        settings.positiveThreshold()), "en", e.coreNlp().sentences(), why, e.coreNlp().truncated(),
        e.coreNlp().phrases());
  }

  private static SentimentLabel argmax(Probabilities p) {
    if (p.negative() >= p.neutral() && p.negative() >= p.positive()) {
      return SentimentLabel.NEGATIVE;
    }
    return p.positive() >= p.neutral() ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
  }

  private SentimentLabel label(double combined) {
    if (combined <= -settings.negativeThreshold()) {
      return SentimentLabel.NEGATIVE;
    }
    return combined >= settings.positiveThreshold() ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
  }

  static int count(Map<TriageCues.Kind, List<String>> found, TriageCues.Kind kind) {
    return found.getOrDefault(kind, List.of()).size();
  }
}
