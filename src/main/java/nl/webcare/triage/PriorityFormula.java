package nl.webcare.triage;

import nl.webcare.mention.TriageClass;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import nl.webcare.resources.ClasspathResources;

/** The documented priority formula of {@code sentiment-models/priority.properties}. */
public final class PriorityFormula {
  public static final String RESOURCE = "sentiment-models/priority.properties";
  /** Urgency units per sort-key unit: a key step is a millionth of urgency (a fraction of a second of age). */
  private static final double KEY_SCALE = 1_000_000;

  private final Map<TriageClass, Double> base;
  private final double negativityWeight;
  private final double starWeight;
  private final double reachWeight;
  private final double engagementWeight;
  private final double ageWeightPerHour;
  private final Duration maxAgeAtArrival;

  PriorityFormula(Map<TriageClass, Double> base, double negativityWeight, double starWeight, double reachWeight,
      double engagementWeight, double ageWeightPerHour, Duration maxAgeAtArrival) {
    this.base = base;
    this.negativityWeight = negativityWeight;
    this.starWeight = starWeight;
    this.reachWeight = reachWeight;
    this.engagementWeight = engagementWeight;
    this.ageWeightPerHour = ageWeightPerHour;
    this.maxAgeAtArrival = maxAgeAtArrival;
  }

  public static PriorityFormula load() {
    Properties p = ClasspathResources.properties(RESOURCE);
    Map<TriageClass, Double> base = new EnumMap<>(TriageClass.class);
    for (TriageClass c : TriageClass.values()) {
      base.put(c, number(p, "base." + c.name().toLowerCase(Locale.ROOT)));
    }
    return new PriorityFormula(base, number(p, "negativityWeight"), number(p, "starWeight"), number(p, "reachWeight"),
        number(p, "engagementWeight"), number(p, "ageWeightPerHour"),
        Duration.ofMinutes(Math.round(number(p, "maxAgeAtArrivalHours") * 60)));
  }

  /** Urgency in [0, 1]; {@code rating}, {@code followers} and {@code engagement} may be null. */
  public double urgency(TriageClass triageClass, double score, Integer rating, Long followers, Integer engagement) {
    double negativity = Math.max(0, -score);
    double stars = rating == null ? 0 : (5 - rating) / 4.0;
    double reach = followers == null ? 0 : Math.min(1, Math.log10(1 + Math.max(0, followers)) / 6);
    double attention = engagement == null ? 0 : Math.min(1, Math.log10(1 + Math.max(0, engagement)) / 4);
    double urgency = base.get(triageClass) + negativityWeight * negativity + starWeight * stars + reachWeight * reach
        + engagementWeight * attention;
    return Math.max(0, Math.min(1, urgency));
  }

  /**
   * Sort key of the worklist, higher first: the urgency plus {@code ageWeightPerHour} for every hour the
   * customer has been waiting. Age grows alike for every case, so "urgency + weight x hours waited" ranks
   * cases the same at every moment as "urgency - weight x hours from 1970 to the moment the wait began":
   * a key fixed when the mention is filed keeps ordering right while cases wait, without rescoring.
   * The wait begins when the mention was published, but at most {@code maxAgeAtArrivalHours} before
   * Webcare saw it (a review of last year, imported today, does not jump the queue), and never after.
   *
   * @param publishedAt when the customer wrote
   * @param seenAt      when Webcare read it
   */
  public long priority(double urgency, Instant publishedAt, Instant seenAt) {
    Instant earliest = seenAt.minus(maxAgeAtArrival);
    Instant waitingSince = publishedAt.isBefore(earliest) ? earliest : publishedAt.isAfter(seenAt) ? seenAt : publishedAt;
    double hours = waitingSince.getEpochSecond() / 3600.0;
    return Math.round((urgency - ageWeightPerHour * hours) * KEY_SCALE);
  }

  private static double number(Properties p, String key) {
    return ClasspathResources.number(p, RESOURCE, key);
  }
}
