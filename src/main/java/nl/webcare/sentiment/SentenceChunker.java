package nl.webcare.sentiment;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounds the parser's work: cuts sentences longer than {@code maxTokens} into pieces and keeps at most
 * {@code maxSentences} pieces, dropping sentences that are only punctuation or symbols.
 */
final class SentenceChunker {
  private final int maxTokens;
  private final int maxSentences;

  SentenceChunker(int maxTokens, int maxSentences) {
    this.maxTokens = maxTokens;
    this.maxSentences = maxSentences;
  }

  record Chunks(List<CoreMap> sentences, boolean truncated) {}

  Chunks chunk(Annotation document) {
    List<CoreMap> out = new ArrayList<>();
    for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      for (int start = 0; start < tokens.size(); start += maxTokens) {
        List<CoreLabel> piece = tokens.subList(start, Math.min(tokens.size(), start + maxTokens));
        if (!hasWord(piece)) {
          continue;
        }
        if (out.size() == maxSentences) {
          return new Chunks(out, true);
        }
        out.add(sentenceOf(piece, out.size()));
      }
    }
    return new Chunks(out, false);
  }

  private static CoreMap sentenceOf(List<CoreLabel> tokens, int index) {
    List<CoreLabel> copy = new ArrayList<>(tokens);
    CoreMap sentence = new ArrayCoreMap();
    sentence.set(CoreAnnotations.TokensAnnotation.class, copy);
    sentence.set(CoreAnnotations.SentenceIndexAnnotation.class, index);
    sentence.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class,
        copy.get(0).get(CoreAnnotations.CharacterOffsetBeginAnnotation.class));
    sentence.set(CoreAnnotations.CharacterOffsetEndAnnotation.class,
        copy.get(copy.size() - 1).get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
    StringBuilder text = new StringBuilder();
    for (CoreLabel token : copy) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(token.word());
    }
    sentence.set(CoreAnnotations.TextAnnotation.class, text.toString());
    return sentence;
  }

  private static boolean hasWord(List<CoreLabel> tokens) {
    for (CoreLabel token : tokens) {
      String word = token.word();
      for (int i = 0; i < word.length(); i++) {
        if (Character.isLetterOrDigit(word.charAt(i))) {
          return true;
        }
      }
    }
    return false;
  }
}
