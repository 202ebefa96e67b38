package nl.webcare.connector.feed;

import java.util.Set;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorType;

/**
 * {@code type: feed}: any RSS or Atom feed. Options: {@code channel} (what the mentions say they came
 * from; default {@code feed}, or {@code appstore} with {@code preset: appstore}), {@code language}
 * (ISO code when the feed does not say), {@code preset} ({@code appstore} for App Store customer
 * reviews, which carry star ratings).
 */
public final class FeedConnectorType implements ConnectorType {
  private static final Set<String> PRESETS = Set.of("appstore");
  private static final Set<String> OPTIONS = Set.of("channel", "language", "preset");

  @Override
  public String type() {
    return "feed";
  }

  @Override
  public void validate(ConnectorDefinition definition) {
    for (String key : definition.options().keySet()) {
      if (!OPTIONS.contains(key)) {
        throw new IllegalArgumentException("unknown key " + key + " for type feed; known: " + OPTIONS);
      }
    }
    String preset = definition.option("preset");
    if (preset != null && !PRESETS.contains(preset)) {
      throw new IllegalArgumentException("preset must be one of " + PRESETS + ", got " + preset);
    }
    String language = definition.option("language");
    if (language != null && !language.matches("[a-z]{2}")) {
      throw new IllegalArgumentException("language must be a two-letter ISO 639-1 code, got " + language);
    }
  }

  @Override
  public Connector create(ConnectorDefinition definition, ConnectorContext context) {
    String channel = definition.option("channel");
    if (channel == null) {
      channel = "appstore".equals(definition.option("preset")) ? "appstore" : "feed";
    }
    return new FeedConnector(definition, context, channel);
  }
}
