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
 */
public record ConnectorDefinition(
    String name, String type, String brand, String url, Duration pollInterval, boolean enabled,
    Map<String, Object> options) {

  public ConnectorDefinition {
    options = Map.copyOf(options);
  }

  public String option(String key) {
    Object value = options.get(key);
    return value == null ? null : String.valueOf(value);
  }
}
