package nl.webcare.connector;

import java.time.Duration;
import java.util.Map;

/**
 * One connector instance, as written in a {@code connectors/*.yaml} file.
 *
 * @param name         unique name; also the mention source, so it must not change once in use
 * @param type         connector type, matched against {@link ConnectorType#type()}
 * @param brand        the brand whose mentions this finds
 * @param url          what to poll
 * @param pollInterval time between polls when all is well
 * @param enabled      false keeps the file as an example without polling it
 * @param options      type-specific settings (for example {@code preset: appstore}, {@code language: nl})
 * @param relevance    brand and exclusion terms that decide which found items reach the worklist
 * @param purpose      care, listen or both (see {@link SourcePurpose}); the type's default when the file says none
 * @param competitor   a competitor's source: counted for share of voice, never in the care queue
 */
public record ConnectorDefinition(
    String name, String type, String brand, String url, Duration pollInterval, boolean enabled,
    Map<String, Object> options, RelevanceFilter relevance, SourcePurpose purpose, boolean competitor) {

  public ConnectorDefinition {
    options = Map.copyOf(options);
    relevance = relevance == null ? RelevanceFilter.ALL : relevance;
    purpose = purpose == null ? SourcePurpose.BOTH : purpose;
  }

  /** A source of the brand's own, read for care and listening. */
  public ConnectorDefinition(String name, String type, String brand, String url, Duration pollInterval,
      boolean enabled, Map<String, Object> options, RelevanceFilter relevance) {
    this(name, type, brand, url, pollInterval, enabled, options, relevance, SourcePurpose.BOTH, false);
  }

  /** A definition that lets every found item through. */
  public ConnectorDefinition(String name, String type, String brand, String url, Duration pollInterval,
      boolean enabled, Map<String, Object> options) {
    this(name, type, brand, url, pollInterval, enabled, options, RelevanceFilter.ALL);
  }

  public String option(String key) {
    Object value = options.get(key);
    return value == null ? null : String.valueOf(value);
  }

  /** An option as a whole number, or {@code fallback} when absent; a non-number names the key. */
  public long longOption(String key, long fallback) {
    String value = option(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, got " + value);
    }
  }

  /** An option as true/false, or {@code fallback} when absent. */
  public boolean booleanOption(String key, boolean fallback) {
    String value = option(key);
    if (value == null) {
      return fallback;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(key + " must be true or false, got " + value);
    }
    return Boolean.parseBoolean(value);
  }
}
