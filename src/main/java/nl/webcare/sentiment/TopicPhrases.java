package nl.webcare.sentiment;

import edu.stanford.nlp.ling.Label;
import edu.stanford.nlp.process.Morphology;
import edu.stanford.nlp.trees.Tree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.webcare.resources.ClasspathResources;

/**
 * What a text is about beyond the aspect lists, for the marketing topics: in English the noun phrases of
 * CoreNLP's parse (the nouns of each base noun phrase, lemmatised: "the delivery drivers" gives "delivery
 * driver"), in Dutch, which has no parser here, the content words (letters only, four or more, no stop word).
 * Stop words ({@code sentiment-models/phrases/}) and handles, tags, links and numbers are left out; at most
 * {@link #MAX_PER_TEXT} phrases a text, so that one long review cannot flood the day's ranking.
 */
public final class TopicPhrases {
  public static final int MAX_PER_TEXT = 10;
  private static final int MAX_WORDS = 3;

  private final Set<String> englishStop;
  private final Set<String> dutchStop;

  private TopicPhrases(Set<String> englishStop, Set<String> dutchStop) {
    this.englishStop = englishStop;
    this.dutchStop = dutchStop;
  }

  public static TopicPhrases load() {
    return new TopicPhrases(words("en"), words("nl"));
  }

  private static Set<String> words(String language) {
    Set<String> words = new java.util.HashSet<>();
    for (String line : ClasspathResources.lines("sentiment-models/phrases/" + language + "-stopwords.txt")) {
      String word = line.strip();
      if (!word.isEmpty() && !word.startsWith("#")) {
        words.add(word.toLowerCase(Locale.ROOT));
      }
    }
    return Set.copyOf(words);
  }

  /** The noun phrases of parse trees, in text order, distinct. */
  public List<String> nounPhrases(List<Tree> trees) {
    Set<String> out = new LinkedHashSet<>();
    for (Tree tree : trees) {
      for (Tree np : tree) {
        if (out.size() >= MAX_PER_TEXT) {
          break;
        }
        if (isBaseNounPhrase(np)) {
          String phrase = nouns(np);
          if (!phrase.isEmpty()) {
            out.add(phrase);
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private static boolean isBaseNounPhrase(Tree t) {
    if (t.isLeaf() || t.isPreTerminal() || !"NP".equals(t.value())) {
      return false;
    }
    for (Tree child : t.children()) {
      if (!child.isPreTerminal()) {
        return false; // an NP holding a phrase: its inner NPs are the base ones
      }
    }
    return true;
  }

  /** The last run of nouns in the phrase, lemmatised and lower case, without stop words; empty when none. */
  private String nouns(Tree np) {
    List<String> words = new ArrayList<>();
    for (Tree tag : np.children()) {
      String pos = tag.value();
      Label leaf = tag.firstChild().label();
      String word = leaf.value();
      if (pos.startsWith("NN") && usable(word, englishStop)) {
        String lemma = pos.startsWith("NNP") ? word : Morphology.stemStatic(word, pos).word();
        words.add(lemma.toLowerCase(Locale.ROOT));
      } else {
        words.clear(); // only the nouns that stand together at the phrase's end
      }
    }
    if (words.size() > MAX_WORDS) {
      words = words.subList(words.size() - MAX_WORDS, words.size());
    }
    return String.join(" ", words);
  }

  /** Dutch content words of a text, in text order, distinct. */
  public List<String> contentWords(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String token : CueText.of(text == null ? "" : text).split("[^\\p{L}@#]+")) {
      String word = token.toLowerCase(Locale.ROOT);
      if (word.length() >= 4 && usable(word, dutchStop)) {
        out.add(word);
        if (out.size() >= MAX_PER_TEXT) {
          break;
        }
      }
    }
    return List.copyOf(out);
  }

  private static boolean usable(String word, Set<String> stop) {
    String lower = word.toLowerCase(Locale.ROOT);
    return lower.length() >= 2 && !stop.contains(lower) && !lower.startsWith("@") && !lower.startsWith("#")
        && !lower.startsWith("http") && lower.chars().allMatch(Character::isLetter);
  }
}
