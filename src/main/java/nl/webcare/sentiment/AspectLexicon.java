package nl.webcare.sentiment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.webcare.resources.ClasspathResources;

/**
 * What a mention is about (delivery, billing, price, app, outage, service, quality, refund, delay, privacy), from
 * the aspect terms of its language in {@code sentiment-models/aspects/<lang>.tsv}: whole words or phrases, a
 * trailing {@code *} for any word that starts so (Dutch compounds), case and accents ignored. Thread-safe.
 */
public final class AspectLexicon {
  /** The languages with a term list; any other language is read with the English one. */
  private static final List<String> LANGUAGES = List.of("en", "nl");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private final Map<String, Map<String, Pattern>> byLanguage;

  private AspectLexicon(Map<String, Map<String, Pattern>> byLanguage) {
    this.byLanguage = byLanguage;
  }

  public static AspectLexicon load() {
    Map<String, Map<String, Pattern>> all = new LinkedHashMap<>();
    for (String language : LANGUAGES) {
      Map<String, List<String>> terms = new LinkedHashMap<>();
      for (String line : ClasspathResources.lines("sentiment-models/aspects/" + language + ".tsv")) {
        String[] cells = line.split("\t");
        if (cells.length != 2) {
          throw new IllegalStateException("sentiment-models/aspects/" + language + ".tsv: not aspect<TAB>term: "
              + line);
        }
        terms.computeIfAbsent(cells[0].trim(), a -> new ArrayList<>()).add(toRegex(fold(cells[1].trim())));
      }
      Map<String, Pattern> patterns = new LinkedHashMap<>();
      terms.forEach((aspect, list) -> patterns.put(aspect,
          Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", list) + ")(?![\\p{L}\\p{N}])")));
      all.put(language, patterns);
    }
    return new AspectLexicon(Map.copyOf(all));
  }

  /** The aspects a text is about, in name order; none when it names no aspect term. */
  public List<String> aspectsOf(String text, String language) {
    Map<String, Pattern> patterns = byLanguage.getOrDefault(language == null ? "en" : language, byLanguage.get("en"));
    String folded = fold(text);
    TreeSet<String> found = new TreeSet<>();
    patterns.forEach((aspect, pattern) -> {
      if (pattern.matcher(folded).find()) {
        found.add(aspect);
      }
    });
    return List.copyOf(found);
  }

  /** Every aspect name of the lists. */
  public List<String> aspects() {
    TreeSet<String> names = new TreeSet<>();
    byLanguage.values().forEach(m -> names.addAll(m.keySet()));
    return List.copyOf(names);
  }

  private static String toRegex(String term) {
    boolean prefix = term.endsWith("*");
    String body = prefix ? term.substring(0, term.length() - 1) : term;
    String quoted = Pattern.quote(body).replace(" ", "\\E\\s+\\Q");
    return prefix ? quoted + "\\p{L}*" : quoted;
  }

  private static String fold(String text) {
    return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
