package nl.webcare.api;

import nl.webcare.delivery.WebhookSignature;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.webcare.connector.push.PushSource;
import nl.webcare.connector.push.PushedMentionReader;
import nl.webcare.connector.push.RequestSignature;
import nl.webcare.mention.Mention;
import nl.webcare.connector.ConnectorStatusStore;
import nl.webcare.connector.push.IngestRateLimiter;
import nl.webcare.inbox.MentionInbox;

/**
 * {@code POST /ingest/{source}}: mentions from channels that push. Checked in the order that costs
 * least and says most: known source (404), size (413), signature (401), rate (429), JSON and schema
 * (400); only then appended to the same inbox the pollers use, deduplicated by (source, externalId).
 */
final class IngestRoutes {
  private final Map<String, PushSource> sources;
  private final PushedMentionReader reader = new PushedMentionReader();
  private final IngestRateLimiter rates;
  private final MentionInbox inbox;
  private final ConnectorStatusStore statuses;

  IngestRoutes(List<PushSource> sources, IngestRateLimiter rates, MentionInbox inbox, ConnectorStatusStore statuses) {
    this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(PushSource::name, Function.identity()));
    this.rates = rates;
    this.inbox = inbox;
    this.statuses = statuses;
  }

  void mount(Router api) {
    api.post("/ingest/:source").handler(Responses.json(202, this::ingest));
    api.get("/schemas/ingest-mention.json").handler(Responses.json(ctx -> Future.succeededFuture(reader.schema())));
  }

  private Future<JsonObject> ingest(RoutingContext ctx) {
    PushSource source = sources.get(ctx.pathParam("source"));
    if (source == null) {
      throw ApiException.notFound("no push source named " + ctx.pathParam("source") + " is configured");
    }
    Buffer body = ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    if (body.length() > source.maxBodyBytes()) {
      throw new ApiException(413, "body_too_large", "the body is " + body.length() + " bytes; source " + source.name()
          + " accepts at most " + source.maxBodyBytes());
    }
    String signature = ctx.request().getHeader(RequestSignature.HEADER);
    // the rate first: a flood of forged signatures spends the source's budget, not the CPU's HMACs
    return rates.acquire(source.name(), source.ratePerMinute()).compose(decision -> {
      if (!decision.allowed()) {
        throw ApiException.tooManyRequests("source " + source.name() + " sent more than " + source.ratePerMinute()
            + " requests this minute", decision.retryAfterSeconds());
      }
      if (ctx.request().getHeader("webhook-signature") != null) {
        checkStandardWebhook(ctx, source, body);
      } else if (!RequestSignature.verify(source.secret(), body.getBytes(), signature)) {
        throw new ApiException(401, "bad_signature", "missing or wrong " + RequestSignature.HEADER
            + " header: send sha256=<hex HMAC-SHA256 of the body with the source's shared secret>, or sign as "
            + "Standard Webhooks does (webhook-id, webhook-timestamp, webhook-signature)");
      }
      return accept(source, parse(body));
    });
  }

  /**
   * A push signed as Standard Webhooks 1.0 signs (relays such as Make send it so): {@code v1,<base64 HMAC-SHA256
   * of id.timestamp.body>} with the source's secret (its bytes; a {@code whsec_} secret is the base64 after the
   * prefix), and a timestamp within five minutes of now, so that a captured request cannot be replayed later.
   */
  private static void checkStandardWebhook(RoutingContext ctx, PushSource source, Buffer body) {
    String id = ctx.request().getHeader("webhook-id");
    String timestamp = ctx.request().getHeader("webhook-timestamp");
    byte[] key = WebhookSignature.key(new String(source.secret(), java.nio.charset.StandardCharsets.UTF_8));
    if (!WebhookSignature.verify(key, id, timestamp, body.getBytes(), ctx.request().getHeader("webhook-signature"))) {
      throw new ApiException(401, "bad_signature", "wrong or incomplete Standard Webhooks signature: send webhook-id, "
          + "webhook-timestamp and webhook-signature v1,<base64 HMAC-SHA256 of id.timestamp.body>");
    }
    if (!WebhookSignature.fresh(timestamp, Instant.now().getEpochSecond())) {
      throw new ApiException(401, "stale_signature", "webhook-timestamp is more than "
          + WebhookSignature.TOLERANCE_SECONDS + " s away from now: refused as a possible replay");
    }
  }

  private JsonObject parse(Buffer body) {
    Object parsed;
    try {
      parsed = body.length() == 0 ? null : io.vertx.core.json.Json.decodeValue(body);
    } catch (DecodeException e) {
      throw ApiException.badRequest("bad_json", "the body is not valid JSON");
    }
    if (!(parsed instanceof JsonObject object)) {
      throw ApiException.badRequest("bad_json", "the body must be one JSON object (see /api/v1/schemas/ingest-mention.json)");
    }
    List<String> problems = reader.problems(object);
    if (!problems.isEmpty()) {
      throw new ApiException(400, "invalid_mention", "the mention does not match the schema: " + String.join("; ", problems),
          new JsonObject().put("problems", new JsonArray(problems)));
    }
    return object;
  }

  private Future<JsonObject> accept(PushSource source, JsonObject body) {
    Instant now = Instant.now();
    Mention mention = reader.toMention(source, body, now);
    if (!source.definition().relevance().isRelevant(mention)) {
      return statuses.recordPushed(source.name(), now, new ConnectorStatusStore.PollCounts(1, 0, 1))
          .map(v -> new JsonObject().put("id", mention.id()).put("status", "ignored")
              .put("reason", "names none of the source's brand terms"));
    }
    return inbox.append(List.of(mention)).compose(appended ->
        statuses.recordPushed(source.name(), now, new ConnectorStatusStore.PollCounts(1, appended.appended(), 0))
            .map(v -> new JsonObject().put("id", mention.id())
                .put("status", appended.appended() == 1 ? "accepted" : "duplicate")));
  }
}
