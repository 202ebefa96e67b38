package nl.webcare.worklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a reply template with its placeholders: {@code {author.name}}, {@code {case.ref}},
 * {@code {agent.name}}. Anything else in braces is refused when the template is saved, so a typo never
 * reaches a customer as "{autor.name}".
 */
public final class TemplateText {
  public static final Set<String> PLACEHOLDERS = Set.of("author.name", "case.ref", "agent.name");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private TemplateText() {}

  /** The placeholders of {@code text} that are not known; empty when all are. */
  public static List<String> unknownPlaceholders(String text) {
    List<String> unknown = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        unknown.add("{" + m.group(1) + "}");
      }
    }
    return unknown;
  }

  /** The text with its placeholders filled; a missing value (no author name) becomes an empty string. */
  public static String render(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString().replaceAll(" {2,}", " ").replaceAll(" ([,.!?])", "$1").trim();
  }
}
