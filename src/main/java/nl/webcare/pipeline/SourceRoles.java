package nl.webcare.pipeline;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.TriageClass;
import nl.webcare.triage.Triage;

/**
 * Which scored mentions may reach the care queue, by what their source is read for: a competitor's never (they
 * count for share of voice only); a listening source's (news, blogs, generic feeds) only when it is a crisis that
 * names the brand; a care source's as triage decides. A mention of a source no longer configured is treated as
 * the brand's own.
 */
public final class SourceRoles {
  public static final SourceRoles NONE = new SourceRoles(List.of());
  private final Map<String, ConnectorDefinition> bySource;

  public SourceRoles(List<ConnectorDefinition> definitions) {
    this.bySource = definitions.stream().collect(Collectors.toUnmodifiableMap(ConnectorDefinition::name,
        Function.identity(), (a, b) -> a));
  }

  public boolean mayFile(ScoredMention scored, Triage.Decision decision) {
    ConnectorDefinition source = bySource.get(scored.mention().source());
    if (source == null) {
      return true;
    }
    if (source.competitor()) {
      return false;
    }
    if (source.purpose().forCare()) {
      return true;
    }
    return decision.triageClass() == TriageClass.CRISIS
        && source.relevance().namesBrand(scored.mention(), source.brand());
  }

  /** Whether the mention counts in the marketing figures: every source's but a care-only one's. */
  public boolean counts(ScoredMention scored) {
    ConnectorDefinition source = bySource.get(scored.mention().source());
    return source == null || source.purpose().forListening();
  }

  /** The definition of a source, or null (a push source's, a poller's). */
  public ConnectorDefinition of(String source) {
    return bySource.get(source);
  }
}
