package nl.webcare.triage;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import nl.webcare.config.ClasspathResources;

/** The documented priority formula of {@code sentiment-models/priority.properties}. */
public final class PriorityFormula {
  public static final String RESOURCE = "sentiment-models/priority.properties";
  /** Larger than any epoch second before the year 2286, so urgency always outranks time. */
  private static final long URGENCY_STEP = 10_000_000_000L;

  private final Map<TriageClass, Double> base;
  private final double negativityWeight;
  private final double starWeight;
  private final double reachWeight;
  private final double engagementWeight;

  PriorityFormula(Map<TriageClass, Double> base, double negativityWeight, double starWeight, double reachWeight,
      double engagementWeight) {
    this.base = base;
    this.negativityWeight = negativityWeight;
    this.starWeight = starWeight;
    this.reachWeight = reachWeight;
    this.engagementWeight = engagementWeight;
  }

  public static PriorityFormula load() {
    Properties p = ClasspathResources.properties(RESOURCE);
    Map<TriageClass, Double> base = new EnumMap<>(TriageClass.class);
    for (TriageClass c : TriageClass.values()) {
      base.put(c, number(p, "base." + c.name().toLowerCase(Locale.ROOT)));
    }
    return new PriorityFormula(base, number(p, "negativityWeight"), number(p, "starWeight"), number(p, "reachWeight"),
        number(p, "engagementWeight"));
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

  /** Sort key of the worklist: the urgency bucket (0..100) first, the epoch second of publication second. */
  public static long priority(double urgency, long epochSecond) {
    return Math.round(urgency * 100) * URGENCY_STEP + Math.max(0, epochSecond);
  }

  private static double number(Properties p, String key) {
    return ClasspathResources.number(p, RESOURCE, key);
  }
}
