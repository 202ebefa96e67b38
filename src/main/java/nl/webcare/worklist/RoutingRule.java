package nl.webcare.worklist;

import java.util.List;
import java.util.Locale;
import nl.webcare.mention.Mention;
import nl.webcare.triage.Triage;

/**
 * One routing rule of the configuration: a case whose first mention matches every given part goes to
 * {@code team}'s queue. Null parts match anything; {@code keywords} match when any one appears in the
 * text (case-insensitive).
 */
public record RoutingRule(String team, String channel, String language, String brand, String triageClass,
    List<String> keywords) {

  public RoutingRule {
    keywords = keywords == null ? List.of()
        : keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
  }

  boolean matches(Mention m, String language, Triage.Decision decision) {
    return (channel == null || channel.equals(m.channel()))
        && (this.language == null || this.language.equals(language))
        && (brand == null || brand.equals(m.brand()))
        && (triageClass == null || triageClass.equals(decision.triageClass().wire()))
        && (keywords.isEmpty() || containsAny(m.fullText().toLowerCase(Locale.ROOT)));
  }

  private boolean containsAny(String text) {
    for (String keyword : keywords) {
      if (text.contains(keyword)) {
        return true;
      }
    }
    return false;
  }
}
