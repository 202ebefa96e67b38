package nl.webcare.connector.x;

import java.util.Set;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.OptionChecks;

/**
 * The options of an X connector file, checked once.
 *
 * @param userId           the brand account's numeric id (mode {@code mentions})
 * @param search           the recent-search query (mode {@code search}), already extended with the
 *                         exclusions of the brand's own posts and of reposts
 * @param dailyReadBudget  posts that may be read per UTC day
 * @param maxPagesPerPoll  pages read in one poll before the rest waits for the next
 * @param canReply         true when the four user-context secrets are named
 */
record XSettings(String userId, String search, long dailyReadBudget, int maxPagesPerPoll, boolean canReply) {
  static final Set<String> OPTIONS = Set.of("mode", "userId", "query", "ownHandle", "includeReposts",
      "bearerTokenEnv", "dailyReadBudget", "maxPagesPerPoll", "consumerKeyEnv", "consumerSecretEnv", "accessTokenEnv",
      "accessTokenSecretEnv", "language");
  static final Set<String> REPLY_SECRETS = Set.of("consumerKeyEnv", "consumerSecretEnv", "accessTokenEnv",
      "accessTokenSecretEnv");
  /** X's search query limit on the Basic and Pro plans. */
  static final int MAX_QUERY_CHARS = 512;

  static XSettings of(ConnectorDefinition d) {
    OptionChecks.requireKnown(d, OPTIONS);
    OptionChecks.requireSecretName(d, "bearerTokenEnv", "the bearer token");
    OptionChecks.requireLanguage(d);
    String mode = d.option("mode") == null ? "mentions" : d.option("mode");
    long budget = OptionChecks.requireRange(d, "dailyReadBudget", 500, 10, 10_000_000);
    int pages = (int) OptionChecks.requireRange(d, "maxPagesPerPoll", 5, 1, 50);
    long secrets = REPLY_SECRETS.stream().filter(key -> d.option(key) != null).count();
    if (secrets != 0 && secrets != REPLY_SECRETS.size()) {
      throw new IllegalArgumentException("replies need all of " + REPLY_SECRETS + " or none of them");
    }
    boolean canReply = secrets == REPLY_SECRETS.size();
    return switch (mode) {
      case "mentions" -> new XSettings(userId(d), null, budget, pages, canReply);
      case "search" -> new XSettings(null, search(d), budget, pages, canReply);
      default -> throw new IllegalArgumentException("mode must be mentions or search, got " + mode);
    };
  }

  private static String userId(ConnectorDefinition d) {
    String id = d.option("userId");
    if (id == null || !id.matches("\\d{1,20}")) {
      throw new IllegalArgumentException("mode mentions needs userId, the brand account's numeric id, got " + id);
    }
    return id;
  }

  private static String search(ConnectorDefinition d) {
    String query = d.option("query");
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("mode search needs query, e.g. \"acme OR #acmeenergie\"");
    }
    StringBuilder full = new StringBuilder("(").append(query.trim()).append(")");
    String own = d.option("ownHandle");
    if (own != null) {
      full.append(" -from:").append(own.startsWith("@") ? own.substring(1) : own);
    }
    if (!d.booleanOption("includeReposts", false)) {
      full.append(" -is:retweet");
    }
    if (full.length() > MAX_QUERY_CHARS) {
      throw new IllegalArgumentException("query is " + full.length() + " characters with its exclusions; X allows "
          + MAX_QUERY_CHARS);
    }
    return full.toString();
  }

  /** The smallest page X serves: 5 for mentions, 10 for search. */
  int minResults() {
    return userId != null ? 5 : 10;
  }

  XApi.Query query(String sinceId, String paginationToken) {
    return new XApi.Query(userId, search, sinceId, paginationToken);
  }
}
