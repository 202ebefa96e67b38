package nl.webcare.sentiment;

import nl.webcare.mention.TriageClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.webcare.resources.ClasspathResources;

/**
 * The cue phrases of one language ({@code sentiment-models/triage/<lang>-cues.tsv}), compiled into one
 * whole-word pattern per kind of cue. Thread-safe.
 */
public final class TriageCues {
  /** The kinds of cue in the files; "help" counts towards {@link TriageClass#QUESTION}. */
  public enum Kind { CRISIS, COMPLAINT, QUESTION, HELP, PRAISE }

  private final Map<Kind, Pattern> patterns;

  private TriageCues(Map<Kind, Pattern> patterns) {
    this.patterns = patterns;
  }

  /** Loads the cues of a language, e.g. "en" or "nl". */
  public static TriageCues load(String language) {
    String resource = "sentiment-models/triage/" + language + "-cues.tsv";
    Map<Kind, List<String>> phrases = new EnumMap<>(Kind.class);
    for (String line : ClasspathResources.lines(resource)) {
      String[] cells = line.split("	");
      Kind kind = Kind.valueOf(cells[0].trim().toUpperCase(Locale.ROOT));
      phrases.computeIfAbsent(kind, k -> new ArrayList<>()).add(toRegex(cells[1].trim().toLowerCase(Locale.ROOT)));
    }
    Map<Kind, Pattern> patterns = new EnumMap<>(Kind.class);
    phrases.forEach((kind, list) -> patterns.put(kind,
        Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", list) + ")(?![\\p{L}\\p{N}])")));
    return new TriageCues(patterns);
  }

  private static String toRegex(String phrase) {
    boolean prefix = phrase.endsWith("*");
    String body = prefix ? phrase.substring(0, phrase.length() - 1) : phrase;
    String quoted = Pattern.quote(body).replace(" ", "\\E\\s+\\Q").replace("'", "\\E['’]\\Q");
    return prefix ? quoted + "\\p{L}*" : quoted;
  }

  /** The cue phrases found in a lower-case text, by kind, in the order they occur. */
  public Map<Kind, List<String>> find(String lowerCaseText) {
    Map<Kind, List<String>> found = new EnumMap<>(Kind.class);
    patterns.forEach((kind, pattern) -> {
      Matcher m = pattern.matcher(lowerCaseText);
      while (m.find()) {
        found.computeIfAbsent(kind, k -> new ArrayList<>()).add(m.group());
      }
    });
    return found;
  }

  /** How many cue phrases of any kind a lower-case text holds. */
  public int count(String lowerCaseText) {
    return find(lowerCaseText).values().stream().mapToInt(List::size).sum();
  }
}
