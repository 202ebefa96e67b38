package nl.webcare.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;

/**
 * Dutch sentiment: the Pattern lexicon score ({@link DutchLexiconScorer}) combined with the Dutch
 * complaint and praise cue phrases ("nog steeds niet", "terugbetalen", "klantenservice reageert niet").
 */
final class DutchSentimentAnalyzer {
  private final DutchLexiconScorer lexicon;
  private final TriageCues cues;
  private final CombinationSettings settings;
  private final TopicPhrases phrases = TopicPhrases.load();

  DutchSentimentAnalyzer(DutchLexiconScorer lexicon, TriageCues cues, CombinationSettings settings) {
    this.lexicon = lexicon;
    this.cues = cues;
    this.settings = settings;
  }

  /** Dutch words and cue phrases the text holds: how Dutch a text too short for language detection looks. */
  int evidence(String text) {
    String cueText = CueText.of(text);
    return lexicon.knownWords(cueText) + cues.count(cueText);
  }

  SentimentResult analyze(String text) {
    DutchLexiconScorer.DutchScore lexical = lexicon.score(CueText.of(text));
    Map<TriageCues.Kind, List<String>> found = cues.find(CueText.of(text));
    int complaints = SocialSentimentAnalyzer.count(found, TriageCues.Kind.COMPLAINT)
        + SocialSentimentAnalyzer.count(found, TriageCues.Kind.CRISIS);
    int praise = SocialSentimentAnalyzer.count(found, TriageCues.Kind.PRAISE);
    double combined = settings.lexiconWeight() * lexical.score() - settings.complaintCueWeight() * Math.min(complaints, 2)
        + settings.praiseCueWeight() * Math.min(praise, 1);
    combined = Math.max(-1, Math.min(1, combined));
    List<String> why = new ArrayList<>();
    why.add(String.format(Locale.ROOT, "lexicon:%.2f", lexical.score()));
    why.addAll(lexical.cues());
    found.forEach((kind, phrases) -> phrases.forEach(phrase -> why.add(kind.name().toLowerCase(Locale.ROOT) + ":" + phrase)));
    SentimentLabel label = combined <= -settings.negativeThreshold() ? SentimentLabel.NEGATIVE
        : combined >= settings.positiveThreshold() ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
    return new SentimentResult(label, combined, Probabilities.ofDecision(combined, settings.negativeThreshold(),
        settings.positiveThreshold()), "nl", List.of(), why, false, topics(text));
  }

  /** The content words, without those that carry sentiment ("slecht" is a verdict, "pakket" a topic). */
  private List<String> topics(String text) {
    return phrases.contentWords(text).stream().filter(w -> !lexicon.carriesSentiment(w)).toList();
  }
}
