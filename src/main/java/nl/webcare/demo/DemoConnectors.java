package nl.webcare.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.webcare.connector.ConnectorDefinition;

/** The connector instances of demo mode: the sample feeds of a made-up Dutch energy supplier, Stroomlijn. */
public final class DemoConnectors {
  /** The admin API key of demo mode when WEBCARE_ADMIN_KEY is not set: for a local try-out only. */
  public static final String DEMO_ADMIN_KEY = "demo-admin-key-local-only";
  /** Appended to the key prefix in demo mode: the demo's data and key never mix with a brand's. */
  public static final String KEY_PREFIX = "demo:";

  public static final String BRAND = "stroomlijn";

  private DemoConnectors() {}

  public static List<ConnectorDefinition> definitions(String baseUrl, Duration pollInterval) {
    return List.of(
        new ConnectorDefinition("demo-appstore-nl", "feed", BRAND, baseUrl + "/feeds/appstore-nl.xml", pollInterval,
            true, Map.of("preset", "appstore")),
        new ConnectorDefinition("demo-forum", "feed", BRAND, baseUrl + "/feeds/forum-rss.xml", pollInterval, true,
            Map.of("channel", "forum")),
        new ConnectorDefinition("demo-social", "feed", BRAND, baseUrl + "/feeds/social-atom.xml", pollInterval, true,
            Map.of("channel", "social")));
  }
}
