package nl.webcare.sentiment;

import java.util.Properties;
import nl.webcare.resources.ClasspathResources;

/**
 * The weights and thresholds that combine the evidence into one score and label, per language, from
 * {@code sentiment-models/sentiment-combination.properties} (where the formula and how the numbers were
 * chosen are written down).
 */
public record CombinationSettings(
    double coreNlpWeight,
    double lexiconWeight,
    double complaintCueWeight,
    double praiseCueWeight,
    double negativeThreshold,
    double positiveThreshold) {

  public static final String RESOURCE = "sentiment-models/sentiment-combination.properties";

  /** Whether the language decides with the trained classifier (when one ships) instead of the weights. */
  public static boolean useClassifier(String language) {
    return Boolean.parseBoolean(properties().getProperty(language + ".useClassifier", "false").trim());
  }

  /** The settings of one language ("en", "nl"). */
  public static CombinationSettings load(String language) {
    Properties p = properties();
    return new CombinationSettings(number(p, language, "coreNlpWeight"), number(p, language, "lexiconWeight"),
        number(p, language, "complaintCueWeight"), number(p, language, "praiseCueWeight"),
        number(p, language, "negativeThreshold"), number(p, language, "positiveThreshold"));
  }

  private static Properties properties() {
    return ClasspathResources.properties(RESOURCE);
  }

  private static double number(Properties p, String language, String key) {
    return ClasspathResources.number(p, RESOURCE, language + "." + key);
  }
}
