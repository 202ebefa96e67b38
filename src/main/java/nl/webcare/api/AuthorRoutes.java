package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import nl.webcare.access.Permission;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.privacy.AuthorHistory;
import nl.webcare.privacy.AuthorRecords;
import nl.webcare.worklist.CaseDetails;

/**
 * {@code GET /authors/{channel}/{handle}}: an author's earlier mentions and cases, sentiment per day and
 * the notes on their cases, for the agent who answers them. {@code DELETE} (admins): erase the author's
 * personal data everywhere and report what was removed.
 */
final class AuthorRoutes {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuthorRoutes.class);
  private final AuthorRecords records;

  AuthorRoutes(AuthorRecords records) {
    this.records = records;
  }

  void mount(Router api) {
    api.get("/authors/:channel/:handle").handler(Authentication.requires(Permission.READ_AUTHORS))
        .handler(Responses.json(this::history));
    api.delete("/authors/:channel/:handle").handler(Authentication.requires(Permission.ADMINISTER))
        .handler(Responses.json(this::erase));
  }

  private Future<JsonObject> history(RoutingContext ctx) {
    String channel = part(ctx, "channel");
    String handle = part(ctx, "handle");
    return records.history(channel, handle).compose(h -> h == null
        ? Future.failedFuture(ApiException.notFound("no mentions or cases of this author on " + channel))
        : Future.succeededFuture(json(h, channel, handle)));
  }

  private Future<JsonObject> erase(RoutingContext ctx) {
    String channel = part(ctx, "channel");
    String handle = part(ctx, "handle");
    String by = Authentication.caller(ctx).owner();
    // the audit line names who erased and how much, never whom (that would keep the personal data in the log)
    return records.erase(channel, handle).onSuccess(r -> LOG.info("audit: author on {} erased by {}: {} mentions, {} cases",
        LogText.clean(channel), LogText.clean(by), r.mentions(), r.cases())).map(r -> new JsonObject().put("authorKey", r.authorKey())
        .put("erased", r.foundAnything())
        .put("removed", new JsonObject().put("mentions", r.mentions()).put("cases", r.cases())
            .put("mentionsTakenFromOtherCases", r.mentionsLeftInOtherCases()).put("inboxEntries", r.inboxEntries())
            .put("alerts", r.alerts()).put("indexKeys", r.indexKeys())));
  }

  private static JsonObject json(AuthorHistory h, String channel, String handle) {
    JsonArray mentions = new JsonArray();
    Map<String, double[]> byDay = new TreeMap<>();
    for (ScoredMention m : h.mentions()) {
      mentions.add(ApiJson.mentionJson(m, true));
      String day = m.mention().publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
      double[] sums = byDay.computeIfAbsent(day, d -> new double[3]);
      sums[0]++;
      sums[1] += m.sentiment().score();
      sums[2] += m.sentiment().label() == SentimentLabel.NEGATIVE ? 1 : 0;
    }
    JsonArray sentiment = new JsonArray();
    byDay.forEach((day, s) -> sentiment.add(new JsonObject().put("day", day).put("mentions", (int) s[0])
        .put("averageScore", Math.round(s[1] / s[0] * 1000) / 1000.0).put("negative", (int) s[2])));
    JsonArray cases = new JsonArray();
    for (CaseDetails d : h.cases()) {
      cases.add(ApiJson.caseDetailsJson(d, null, true));
    }
    return new JsonObject().put("authorKey", h.authorKey()).put("channel", channel).put("handle", handle)
        .put("mentions", mentions).put("sentimentByDay", sentiment).put("cases", cases)
        .put("otherChannels", new JsonObject(new TreeMap<String, Object>(h.otherChannels())));
  }

  private static String part(RoutingContext ctx, String name) {
    String value = ctx.pathParam(name);
    if (value == null || value.isBlank() || value.length() > 200) {
      throw ApiException.badRequest("bad_parameter", name + " must be a non-empty text of at most 200 characters");
    }
    return value;
  }
}
