package nl.webcare.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.RelevanceFilter;
import nl.webcare.connector.SourcePurpose;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionDetails;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.TriageClass;
import nl.webcare.support.Mentions;
import nl.webcare.triage.Triage;
import org.junit.jupiter.api.Test;

/** Which mentions reach the care queue, by their source's purpose: news is no customer, a rival's no case of ours. */
class SourceRolesTest {
  private static ConnectorDefinition source(String name, String brand, SourcePurpose purpose, boolean competitor,
      List<String> brandTerms) {
    return new ConnectorDefinition(name, "feed", brand, "https://example.org/" + name, Duration.ofMinutes(5), true,
        Map.of(), new RelevanceFilter(brandTerms, List.of()), purpose, competitor);
  }

  private static final SourceRoles ROLES = new SourceRoles(List.of(
      source("news", "acme", SourcePurpose.LISTEN, false, List.of("acme energie")),
      source("reviews", "acme", SourcePurpose.BOTH, false, List.of()),
      source("rival-reviews", "rivalco", SourcePurpose.BOTH, true, List.of())));

  private static ScoredMention mention(String source, String text) {
    Mention m = new Mention(Mention.idFor(source, text), source, "news", "acme", text, "writer", null, text,
        "https://example.org/a", java.time.Instant.parse("2026-11-24T10:00:00Z"), "en", null, null,
        new MentionDetails("writer", null, null, null, null, null, null));
    return Mentions.scored(m, SentimentLabel.NEGATIVE, -0.9);
  }

  private static Triage.Decision decision(TriageClass triageClass) {
    return new Triage.Decision(triageClass, true, 0.9, 1, List.of());
  }

  @Test
  void listeningReachesTheQueueOnlyAsACrisisThatNamesTheBrand() {
    assertThat(ROLES.mayFile(mention("news", "Drought stress kills crops across the region"),
        decision(TriageClass.CRISIS))).as("a crisis about someone else").isFalse();
    assertThat(ROLES.mayFile(mention("news", "Data breach at Acme: customer records leaked"),
        decision(TriageClass.CRISIS))).isTrue();
    assertThat(ROLES.mayFile(mention("news", "Storing bij Acme Energie treft duizenden huishoudens"),
        decision(TriageClass.CRISIS))).as("by a brand term").isTrue();
    assertThat(ROLES.mayFile(mention("news", "Acme raises its prices again, customers angry"),
        decision(TriageClass.COMPLAINT))).as("a complaint in the news is for marketing").isFalse();
  }

  @Test
  void careSourcesFileAsTriageDecidesAndCompetitorsNever() {
    assertThat(ROLES.mayFile(mention("reviews", "Terrible app"), decision(TriageClass.COMPLAINT))).isTrue();
    assertThat(ROLES.mayFile(mention("rival-reviews", "Terrible app, data breach"), decision(TriageClass.CRISIS)))
        .isFalse();
    assertThat(ROLES.mayFile(mention("gone-source", "Terrible app"), decision(TriageClass.COMPLAINT)))
        .as("a source no longer configured").isTrue();
  }
}
