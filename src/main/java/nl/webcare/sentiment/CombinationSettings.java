package nl.webcare.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

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
    Properties p = new Properties();
    try (InputStream in = CombinationSettings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE + " on the classpath");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private static double number(Properties p, String language, String key) {
    String value = p.getProperty(language + "." + key);
    if (value == null) {
      throw new IllegalStateException(RESOURCE + ": missing " + language + "." + key);
    }
    return Double.parseDouble(value.trim());
  }
}
