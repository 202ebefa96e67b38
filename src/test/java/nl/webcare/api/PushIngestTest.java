package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.webcare.app.WebcareApp;
import nl.webcare.connector.push.RequestSignature;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/ingest/{source}} as a relay or a contact form calls it, through to the worklist. */
class PushIngestTest {
  private static final String FORM_SECRET = "form-secret-0123456789abcdef";
  private static final String CHAT_SECRET = "chat-secret-0123456789abcdef";
  private static final String FB_SECRET = "fb-secret-0123456789abcdefgh";
  /** A relay's secret as Standard Webhooks writes them. */
  private static final String MAKE_SECRET = "whsec_" + java.util.Base64.getEncoder()
      .encodeToString("make-relay-secret-0123456789abcd".getBytes(StandardCharsets.UTF_8));
  private static RunningApp running;
  private static WebcareApp app;
  private static ApiClient api;

  @BeforeAll
  static void start() {
    Path connectors = TestRedis.tempDir();
    write(connectors, "contact-form", "channel: form\nlanguage: nl\nsecretEnv: FORM_SECRET\nmaxBodyBytes: 2048\n");
    write(connectors, "chat-relay", "channel: chat\nsecretEnv: CHAT_SECRET\nratePerMinute: 2\n");
    write(connectors, "fb-comments", "channel: facebook\nsecretEnv: FB_SECRET\nbrandTerms: [acme]\n");
    write(connectors, "flood-form", "channel: form\nsecretEnv: FORM_SECRET\nratePerMinute: 2\n");
    write(connectors, "make-relay", "channel: chat\nsecretEnv: MAKE_SECRET\n");
    running = new RunningApp(connectors, Map.of("FORM_SECRET", FORM_SECRET, "CHAT_SECRET", CHAT_SECRET, "FB_SECRET", FB_SECRET,
        "MAKE_SECRET", MAKE_SECRET));
    app = running.app;
    api = running.api;
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void aSignedMentionIsAcceptedOnceScoredAndOnTheWorklist() {
    // GIVEN a contact-form message, signed with the form's secret
    byte[] body = new JsonObject().put("externalId", "form-4711")
        .put("text", "Mijn pakket is nog steeds niet bezorgd en de klantenservice reageert niet. Ik wil mijn geld terug!")
        .put("author", new JsonObject().put("name", "Els Jansen").put("handle", "els@example.nl"))
        .put("publishedAt", "2026-11-25T09:30:00+01:00").encode().getBytes(StandardCharsets.UTF_8);

    // WHEN it is posted twice (a relay that retries)
    ApiClient.Answer first = post("contact-form", body, FORM_SECRET);
    ApiClient.Answer again = post("contact-form", body, FORM_SECRET);

    // THEN it is accepted once, and the resend is recognised as the same mention
    assertThat(first.status()).isEqualTo(202);
    assertThat(first.json().getString("status")).isEqualTo("accepted");
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().getString("status")).isEqualTo("duplicate");
    assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
    // AND it takes the path of polled mentions: scored, triaged, on the worklist
    String id = first.json().getString("id");
    Await.until("scored", Duration.ofSeconds(60), () -> api.get("/api/v1/mentions/" + id).status() == 200);
    JsonObject mention = api.get("/api/v1/mentions/" + id).json();
    assertThat(mention.getString("channel")).isEqualTo("form");
    assertThat(mention.getString("author")).isEqualTo("Els Jansen");
    assertThat(mention.getString("publishedAt")).isEqualTo("2026-11-25T08:30:00Z");
    assertThat(mention.getJsonObject("social").getString("authorHandle")).isEqualTo("els@example.nl");
    Await.until("on the worklist", Duration.ofSeconds(30), () -> api.get("/api/v1/worklist").body().contains(id));
  }

  @Test
  void aMissingOrWrongSignatureIs401AndStoresNothing() {
    byte[] body = mention("form-forged", "Forged").getBytes(StandardCharsets.UTF_8);
    assertThat(api.post("/api/v1/ingest/contact-form", body).status()).isEqualTo(401);
    ApiClient.Answer wrongKey = post("contact-form", body, "not-the-secret-at-all-000000");
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(wrongKey.json().getString("error")).isEqualTo("bad_signature");
    assertThat(api.post("/api/v1/ingest/contact-form", body, RequestSignature.HEADER, "sha256=zz-not-hex").status())
        .isEqualTo(401);
    // a signature of other bytes (the body changed on the way) is refused too
    byte[] tampered = mention("form-forged", "Forged!").getBytes(StandardCharsets.UTF_8);
    assertThat(api.post("/api/v1/ingest/contact-form", tampered, RequestSignature.HEADER,
        RequestSignature.sign(FORM_SECRET.getBytes(StandardCharsets.UTF_8), body)).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/mentions?source=contact-form&limit=100").body()).doesNotContain("form-forged");
  }

  @Test
  void aPushSignedAsStandardWebhooksIsAcceptedInsideTheTimestampWindowOnly() throws Exception {
    // GIVEN a relay that signs with a Standard Webhooks library (the reference one)
    com.standardwebhooks.Webhook relay = new com.standardwebhooks.Webhook(MAKE_SECRET);
    String body = mention("make-1", "Our order is lost, awful service");
    long now = java.time.Instant.now().getEpochSecond();
    String signature = relay.sign("msg_make_1", now, body);
    ApiClient.Answer accepted = api.post("/api/v1/ingest/make-relay", body.getBytes(StandardCharsets.UTF_8),
        "webhook-id", "msg_make_1", "webhook-timestamp", Long.toString(now), "webhook-signature", signature);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.json().getString("status")).isEqualTo("accepted");
    // a replay ten minutes later, correctly signed for its old time, is refused
    long old = now - 600;
    String late = mention("make-2", "Replayed");
    ApiClient.Answer replay = api.post("/api/v1/ingest/make-relay", late.getBytes(StandardCharsets.UTF_8),
        "webhook-id", "msg_make_2", "webhook-timestamp", Long.toString(old), "webhook-signature",
        relay.sign("msg_make_2", old, late));
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.json().getString("error")).isEqualTo("stale_signature");
    // a body changed on the way, or another id under the same signature, is refused
    ApiClient.Answer tampered = api.post("/api/v1/ingest/make-relay",
        mention("make-3", "Changed").getBytes(StandardCharsets.UTF_8), "webhook-id", "msg_make_1",
        "webhook-timestamp", Long.toString(now), "webhook-signature", signature);
    assertThat(tampered.status()).isEqualTo(401);
    assertThat(tampered.json().getString("error")).isEqualTo("bad_signature");
    ApiClient.Answer otherId = api.post("/api/v1/ingest/make-relay", body.getBytes(StandardCharsets.UTF_8),
        "webhook-id", "msg_other", "webhook-timestamp", Long.toString(now), "webhook-signature", signature);
    assertThat(otherId.status()).isEqualTo(401);
    ApiClient.Answer noId = api.post("/api/v1/ingest/make-relay", body.getBytes(StandardCharsets.UTF_8),
        "webhook-timestamp", Long.toString(now), "webhook-signature", signature);
    assertThat(noId.status()).isEqualTo(401);
  }

  @Test
  void anOversizeBodyIs413() {
    byte[] body = mention("form-big", "x".repeat(3000)).getBytes(StandardCharsets.UTF_8);
    ApiClient.Answer answer = post("contact-form", body, FORM_SECRET);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().getString("message")).contains("2048");
    // above the server-wide limit the body is refused before it is read to the end
    byte[] huge = mention("form-huge", "y".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8);
    assertThat(post("contact-form", huge, FORM_SECRET).status()).isEqualTo(413);
  }

  @Test
  void badJsonAndBodiesOutsideTheSchemaAre400WithTheProblems() {
    ApiClient.Answer garbage = post("contact-form", "{\"externalId\": \"a\", ".getBytes(StandardCharsets.UTF_8), FORM_SECRET);
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.json().getString("error")).isEqualTo("bad_json");

    String invalid = new JsonObject().put("externalId", "form-bad").put("rating", 7).put("colour", "red").encode();
    ApiClient.Answer answer = post("contact-form", invalid.getBytes(StandardCharsets.UTF_8), FORM_SECRET);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getString("error")).isEqualTo("invalid_mention");
    assertThat(answer.json().getJsonArray("problems").encode()).contains("text").contains("rating");

    String badTime = new JsonObject().put("externalId", "form-time").put("text", "hoi").put("publishedAt", "gisteren")
        .encode();
    assertThat(post("contact-form", badTime.getBytes(StandardCharsets.UTF_8), FORM_SECRET).status()).isEqualTo(400);
    assertThat(api.post("/api/v1/ingest/contact-form", "[1,2]".getBytes(StandardCharsets.UTF_8),
        RequestSignature.HEADER, RequestSignature.sign(FORM_SECRET.getBytes(StandardCharsets.UTF_8),
            "[1,2]".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(400);
  }

  @Test
  void aSourceOverItsRateGets429WithRetryAfter() {
    for (int i = 0; i < 2; i++) {
      assertThat(post("chat-relay", mention("chat-" + i, "Hello, is anyone there?").getBytes(StandardCharsets.UTF_8),
          CHAT_SECRET).status()).isEqualTo(202);
    }
    byte[] third = mention("chat-3", "Hello??").getBytes(StandardCharsets.UTF_8);
    ApiClient.Answer limited = post("chat-relay", third, CHAT_SECRET);
    // the window may just have turned over: then the next two pass and the one after is limited
    if (limited.status() == 202) {
      post("chat-relay", mention("chat-4", "Hi").getBytes(StandardCharsets.UTF_8), CHAT_SECRET);
      limited = post("chat-relay", mention("chat-5", "Hi").getBytes(StandardCharsets.UTF_8), CHAT_SECRET);
    }
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().getString("error")).isEqualTo("rate_limited");
    assertThat(api.postHeaders("/api/v1/ingest/chat-relay", third, RequestSignature.HEADER,
        RequestSignature.sign(CHAT_SECRET.getBytes(StandardCharsets.UTF_8), third)).firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
  }

  @Test
  void aMentionWithoutTheBrandIsCountedButNotQueued() {
    ApiClient.Answer noise = post("fb-comments", mention("fb-1", "Nice weather today").getBytes(StandardCharsets.UTF_8),
        FB_SECRET);
    assertThat(noise.status()).isEqualTo(202);
    assertThat(noise.json().getString("status")).isEqualTo("ignored");
    assertThat(post("fb-comments", mention("fb-2", "ACME has the worst service ever")
        .getBytes(StandardCharsets.UTF_8), FB_SECRET).json().getString("status")).isEqualTo("accepted");
    JsonObject status = api.connector("fb-comments");
    assertThat(status.getLong("itemsIrrelevant")).isEqualTo(1);
    assertThat(status.getLong("itemsNew")).isEqualTo(1);
    assertThat(status.getString("type")).isEqualTo("push");
  }

  @Test
  void theRateIsCheckedBeforeTheSignature() {
    // GIVEN a source that takes 2 requests a minute WHEN forged requests flood it THEN the third is 429, not a
    // third HMAC to compute
    byte[] body = mention("flood-1", "x").getBytes(StandardCharsets.UTF_8);
    assertThat(post("flood-form", body, "wrong-secret-0123456789abcdef").status()).isEqualTo(401);
    assertThat(post("flood-form", body, "wrong-secret-0123456789abcdef").status()).isEqualTo(401);
    ApiClient.Answer third = post("flood-form", body, "wrong-secret-0123456789abcdef");
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.json().getString("error")).isEqualTo("rate_limited");
  }

  @Test
  void unknownSourcesAre404AndTheSchemaIsPublished() {
    assertThat(api.post("/api/v1/ingest/nope", "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
    JsonObject schema = api.get("/api/v1/schemas/ingest-mention.json").json();
    assertThat(schema.getJsonArray("required")).isEqualTo(new JsonArray().add("externalId").add("text"));
  }


  private static String mention(String externalId, String text) {
    return new JsonObject().put("externalId", externalId).put("text", text).encode();
  }

  private static ApiClient.Answer post(String source, byte[] body, String secret) {
    return api.post("/api/v1/ingest/" + source, body, RequestSignature.HEADER,
        RequestSignature.sign(secret.getBytes(StandardCharsets.UTF_8), body));
  }

  private static void write(Path dir, String name, String extra) {
    try {
      Files.writeString(dir.resolve(name + ".yaml"), "name: " + name + "\ntype: push\nbrand: acme\n" + extra);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
