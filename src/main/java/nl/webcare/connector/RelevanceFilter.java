package nl.webcare.connector;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.webcare.mention.Mention;

/**
 * Keeps the noise of broad sources (Google Alerts, Reddit search, news) out of the worklist: a mention
 * is relevant when it names at least one brand term and no exclusion term. Terms match whole words,
 * ignoring case and accents ("Énergie" matches "energie"), so "acme" does not match "acmeology".
 * With no brand terms every mention is relevant unless an exclusion term matches.
 */
public record RelevanceFilter(List<String> brandTerms, List<String> excludeTerms) {
  public static final RelevanceFilter ALL = new RelevanceFilter(List.of(), List.of());
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  public RelevanceFilter {
    brandTerms = List.copyOf(brandTerms);
    excludeTerms = List.copyOf(excludeTerms);
    for (String term : brandTerms) {
      requireUsable(term, "brandTerms");
    }
    for (String term : excludeTerms) {
      requireUsable(term, "excludeTerms");
    }
  }

  public boolean isRelevant(Mention mention) {
    if (brandTerms.isEmpty() && excludeTerms.isEmpty()) {
      return true;
    }
    String text = fold(mention.fullText());
    for (String term : excludeTerms) {
      if (containsWord(text, fold(term))) {
        return false;
      }
    }
    if (brandTerms.isEmpty()) {
      return true;
    }
    for (String term : brandTerms) {
      if (containsWord(text, fold(term))) {
        return true;
      }
    }
    return false;
  }

  /** True when the mention names the brand: its name, or one of the brand terms, as a word. */
  public boolean namesBrand(Mention mention, String brand) {
    String text = fold(mention.fullText());
    if (brand != null && !brand.isBlank() && containsWord(text, fold(brand))) {
      return true;
    }
    for (String term : brandTerms) {
      if (containsWord(text, fold(term))) {
        return true;
      }
    }
    return false;
  }

  /** Lower case without accents, so that matching does not depend on how people type them. */
  static String fold(String text) {
    return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
  }

  private static boolean containsWord(String text, String term) {
    int from = 0;
    while (true) {
      int at = text.indexOf(term, from);
      if (at < 0) {
        return false;
      }
      int end = at + term.length();
      if (isBoundary(text, at - 1) && isBoundary(text, end)) {
        return true;
      }
      from = at + 1;
    }
  }

  private static boolean isBoundary(String text, int index) {
    return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
  }

  private static void requireUsable(String term, String key) {
    if (term == null || term.isBlank()) {
      throw new IllegalArgumentException(key + " must not hold an empty term");
    }
  }
}
