package nl.webcare.connector;

import java.util.Set;
import java.util.TreeSet;

/** The checks connector types make of their options, each failing with a message that names the key. */
public final class OptionChecks {
  private OptionChecks() {}

  public static void requireKnown(ConnectorDefinition d, Set<String> known) {
    for (String key : d.options().keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown key " + key + " for type " + d.type() + "; known: "
            + new TreeSet<>(known));
      }
    }
  }

  /** {@code key} must name an environment variable (the secret itself never goes in a file). */
  public static void requireSecretName(ConnectorDefinition d, String key, String what) {
    if (d.option(key) == null) {
      throw new IllegalArgumentException(key + " must name the environment variable that holds " + what);
    }
  }

  public static void requireLanguage(ConnectorDefinition d) {
    String language = d.option("language");
    if (language != null && !language.matches("[a-z]{2}")) {
      throw new IllegalArgumentException("language must be a two-letter ISO 639-1 code, got " + language);
    }
  }

  /** The option as a number in {@code min..max}, or {@code fallback} when absent. */
  public static long requireRange(ConnectorDefinition d, String key, long fallback, long min, long max) {
    long value = d.longOption(key, fallback);
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", got " + value);
    }
    return value;
  }
}
