package nl.webcare.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;
import nl.webcare.triage.TriageCues;

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
  private final TriageCues cues;
  private final CombinationSettings settings;

  SocialSentimentAnalyzer(CoreNlpSentimentAnalyzer coreNlp, SentimentLexicon words, TriageCues cues,
      CombinationSettings settings) {
    this.coreNlp = coreNlp;
    this.socialText = new SocialText(words);
    this.lexicon = new LexiconScorer(words);
    this.cues = cues;
    this.settings = settings;
  }

  SentimentResult analyze(String text) {
    SocialText.Prepared prepared = socialText.prepare(text);
    CoreNlpSentimentAnalyzer.Sentences sentences = coreNlp.sentences(prepared.forParser());
    SentimentResult parsed = CoreNlpSentimentAnalyzer.aggregate(sentences.sentences(), sentences.truncated());
    LexiconScorer.LexiconScore lexical = lexicon.score(prepared);
    Map<TriageCues.Kind, List<String>> found = cues.find(CueText.of(text));
    int complaints = count(found, TriageCues.Kind.COMPLAINT) + count(found, TriageCues.Kind.CRISIS);
    int praise = count(found, TriageCues.Kind.PRAISE);
    double combined = settings.coreNlpWeight() * parsed.score() + settings.lexiconWeight() * lexical.compound()
        - settings.complaintCueWeight() * Math.min(complaints, 2) + settings.praiseCueWeight() * Math.min(praise, 1);
    List<String> why = new ArrayList<>();
    why.add(String.format(Locale.ROOT, "corenlp:%s:%.2f", parsed.label().wire(), parsed.score()));
    why.add(String.format(Locale.ROOT, "lexicon:%.2f", lexical.compound()));
    why.addAll(lexical.cues());
    found.forEach((kind, phrases) -> phrases.forEach(phrase -> why.add(kind.name().toLowerCase(Locale.ROOT) + ":" + phrase)));
    return new SentimentResult(label(combined), Math.max(-1, Math.min(1, combined)), parsed.probabilities(), "en",
        parsed.sentences(), why, parsed.truncated());
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
