package nl.webcare.connector.feed;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorType;
import nl.webcare.connector.OptionChecks;

/**
 * {@code type: feed}: any RSS or Atom feed, or one of the {@link FeedPreset presets} for the feeds brands
 * are talked about on ({@code appstore}, {@code reddit}, {@code mastodon}, {@code google-news},
 * {@code google-alerts}, {@code hackernews}, {@code youtube}), which build the URL from a few options
 * and map their source's own fields. Common options: {@code channel} (default: the preset's),
 * {@code language} (ISO code when the feed does not say).
 */
public final class FeedConnectorType implements ConnectorType {
  private static final Set<String> COMMON_OPTIONS = Set.of("channel", "language", "preset");

  @Override
  public String type() {
    return "feed";
  }

  @Override
  public void validate(ConnectorDefinition definition) {
    FeedPreset preset = FeedPreset.of(definition.option("preset"));
    Set<String> known = new HashSet<>(COMMON_OPTIONS);
    known.addAll(preset.options);
    for (String key : definition.options().keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown key " + key + " for type feed"
            + (preset == FeedPreset.GENERIC ? "" : " with preset " + preset.wire) + "; known: " + new TreeSet<>(known));
      }
    }
    OptionChecks.requireLanguage(definition);
    OptionChecks.requireRange(definition, "pages", 1, 1, FeedConnector.MAX_PAGES);
  }

  /** Reviews, Reddit and Mastodon are people talking to or about the brand; news, blogs and videos are not. */
  @Override
  public nl.webcare.connector.SourcePurpose defaultPurpose(Map<String, Object> options) {
    Object preset = options.get("preset");
    FeedPreset p;
    try {
      p = FeedPreset.of(preset == null ? null : String.valueOf(preset));
    } catch (IllegalArgumentException unknown) {
      return nl.webcare.connector.SourcePurpose.BOTH; // validate() names the bad preset
    }
    return switch (p) {
      case APPSTORE, REDDIT, MASTODON -> nl.webcare.connector.SourcePurpose.BOTH;
      case GENERIC, GOOGLE_NEWS, GOOGLE_ALERTS, HACKER_NEWS, YOUTUBE -> nl.webcare.connector.SourcePurpose.LISTEN;
    };
  }

  @Override
  public String derivedUrl(Map<String, Object> options) {
    Object preset = options.get("preset");
    return FeedPreset.of(preset == null ? null : String.valueOf(preset)).url(options);
  }

  @Override
  public Connector create(ConnectorDefinition definition, ConnectorContext context) {
    FeedPreset preset = FeedPreset.of(definition.option("preset"));
    String channel = definition.option("channel") != null ? definition.option("channel") : preset.channel;
    return new FeedConnector(definition, context, channel, preset);
  }
}
