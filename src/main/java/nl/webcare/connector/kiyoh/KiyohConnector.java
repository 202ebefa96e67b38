package nl.webcare.connector.kiyoh;

import io.vertx.core.Future;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.CredentialsRejectedException;
import nl.webcare.connector.PollResult;
import nl.webcare.connector.http.HttpFetcher;
import nl.webcare.connector.http.HttpStatusException;
import nl.webcare.mention.Mention;
import nl.webcare.mention.MentionDetails;

/**
 * Polls a Kiyoh location's review feed. The feed's {@code hash} is a key: it comes from the environment
 * and never appears in a status or log line. Kiyoh scores 1..10; the mention carries it as stars
 * (1..5) so that the triage treats it like any review, and the recommendation in its details.
 */
final class KiyohConnector implements Connector {
  static final String CHANNEL = "kiyoh";
  private final ConnectorDefinition definition;
  private final ConnectorContext context;
  private final HttpFetcher fetcher;
  private final KiyohFeedParser parser = new KiyohFeedParser();

  KiyohConnector(ConnectorDefinition definition, ConnectorContext context) {
    this.definition = definition;
    this.context = context;
    this.fetcher = context.fetcher();
  }

  @Override
  public ConnectorDefinition definition() {
    return definition;
  }

  @Override
  public Future<PollResult> poll(Map<String, String> cursor) {
    Instant fetchedAt = Instant.now();
    return Future.succeededFuture(definition).map(d -> context.secret(d, "hashEnv"))
        .compose(hash -> fetcher.fetch(url(hash), "application/xml, text/xml;q=0.9", Map.of(), null, null))
        .recover(error -> Future.failedFuture(error instanceof HttpStatusException s && (s.status() == 401 || s.status() == 403)
            ? new CredentialsRejectedException("Kiyoh refused the feed hash: " + s.getMessage()) : error))
        .compose(response -> context.parsers().executeBlocking(() -> parser.parse(response.body().getBytes()), false))
        .map(parsed -> new PollResult(mentions(parsed.reviews(), fetchedAt), cursor, false, parsed.skipped()));
  }

  private String url(String hash) {
    return definition.url() + (definition.url().contains("?") ? "&" : "?") + "hash="
        + URLEncoder.encode(hash, StandardCharsets.UTF_8) + "&limit=" + definition.longOption("limit", 50);
  }

  private List<Mention> mentions(List<KiyohReview> reviews, Instant fetchedAt) {
    List<Mention> mentions = new ArrayList<>();
    String language = definition.option("language") == null ? "nl" : definition.option("language");
    for (KiyohReview r : reviews) {
      String text = r.opinion() != null ? r.opinion() : r.oneLiner();
      if (text == null) {
        continue;
      }
      MentionDetails details = MentionDetails.NONE.withRecommends(r.recommends());
      mentions.add(new Mention(Mention.idFor(definition.name(), r.reviewId()), definition.name(), CHANNEL,
          definition.brand(), r.reviewId(), author(r), r.opinion() != null ? r.oneLiner() : null, text,
          definition.option("reviewPageUrl"), r.postedAt() != null ? r.postedAt() : fetchedAt, language, r.stars(), null,
          details));
    }
    return mentions;
  }

  private static String author(KiyohReview r) {
    if (r.author() == null) {
      return null;
    }
    return r.city() == null ? r.author() : r.author() + " (" + r.city() + ")";
  }
}
