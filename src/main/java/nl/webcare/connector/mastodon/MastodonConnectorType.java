package nl.webcare.connector.mastodon;

import java.util.Set;
import java.util.stream.Stream;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorType;
import nl.webcare.connector.OptionChecks;

/**
 * {@code type: mastodon}: a Mastodon instance's REST API ({@code url} is the instance, e.g.
 * {@code https://mastodon.social}). Exactly one of {@code tag}, {@code accountId} or {@code query};
 * {@code query} needs {@code tokenEnv} (Mastodon serves full-text search only to signed-in apps).
 * Also {@code language} (assumed when a status has none), {@code limit} (1..40), {@code maxPagesPerPoll}, and
 * {@code reply: true} (with {@code maxReplyChars}, default 500) to answer through Mastodon with the token.
 * For a public tag or account the feed connector's {@code mastodon} preset (RSS) needs no API at all.
 */
public final class MastodonConnectorType implements ConnectorType {
  private static final Set<String> OPTIONS = Set.of("tag", "accountId", "query", "tokenEnv", "language", "limit",
      "maxPagesPerPoll", "reply", "maxReplyChars");

  @Override
  public String type() {
    return "mastodon";
  }

  @Override
  public void validate(ConnectorDefinition d) {
    OptionChecks.requireKnown(d, OPTIONS);
    long modes = Stream.of("tag", "accountId", "query").filter(key -> d.option(key) != null).count();
    if (modes != 1) {
      throw new IllegalArgumentException("give exactly one of tag, accountId or query");
    }
    if (d.option("query") != null && d.option("tokenEnv") == null) {
      throw new IllegalArgumentException("query needs tokenEnv: Mastodon searches statuses only for signed-in apps");
    }
    if (d.option("accountId") != null && !d.option("accountId").matches("\\d{1,30}")) {
      throw new IllegalArgumentException("accountId must be the numeric account id, got " + d.option("accountId"));
    }
    if (d.booleanOption("reply", false) && d.option("tokenEnv") == null) {
      throw new IllegalArgumentException("reply needs tokenEnv: a token with the write:statuses scope");
    }
    OptionChecks.requireRange(d, "maxReplyChars", 500, 1, 100_000);
    OptionChecks.requireRange(d, "limit", 40, 1, 40);
    OptionChecks.requireRange(d, "maxPagesPerPoll", 3, 1, 20);
    OptionChecks.requireLanguage(d);
  }

  @Override
  public Connector create(ConnectorDefinition definition, ConnectorContext context) {
    return new MastodonConnector(definition, context);
  }
}
