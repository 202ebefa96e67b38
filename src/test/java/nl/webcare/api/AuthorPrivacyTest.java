package nl.webcare.api;

import redis.clients.jedis.UnifiedJedis;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.StreamEntryID;

/** An author's history for the agent, and erasure that leaves no trace of the author in any key. */
class AuthorPrivacyTest {
  private static final String SECRET = "form-secret-0123456789abcdef";
  private static final String HANDLE = "els.jansen@example.nl";
  private static final String NAME = "Els Jansen";
  private static RunningApp running;
  private static WebcareApp app;
  private static ApiClient api;

  @BeforeAll
  static void start() throws IOException {
    Path connectors = TestRedis.tempDir();
    Files.writeString(connectors.resolve("mail.yaml"),
        "name: mail\ntype: push\nbrand: acme\nchannel: email\nlanguage: nl\nsecretEnv: MAIL_SECRET\n");
    running = new RunningApp(connectors, Map.of("MAIL_SECRET", SECRET));
    app = running.app;
    api = running.api;
    // Piet starts a thread; Els writes twice on her own, then chimes in on Piet's thread
    push("piet-1", "Piet", "piet@example.nl", "Mijn meter is kapot en niemand komt langs", "thread-7", "2026-11-20T09:00:00Z");
    Await.until("Piet's case", Duration.ofSeconds(60), () -> cases() == 1);
    push("els-1", NAME, HANDLE, "Mijn factuur klopt niet, ik betaal dubbel en de klantenservice reageert niet! Els Jansen, klantnummer 4711",
        null, "2026-11-23T09:00:00Z");
    Await.until("Els's case", Duration.ofSeconds(60), () -> cases() == 2);
    push("els-2", NAME, HANDLE, "Nog steeds geen antwoord op mijn klacht over de dubbele factuur!", null,
        "2026-11-24T10:00:00Z");
    push("els-3", NAME, HANDLE, "Ik heb hetzelfde probleem als Piet, ook bij mij geen monteur", "thread-7",
        "2026-11-24T11:00:00Z");
    Await.until("all scored", Duration.ofSeconds(60),
        () -> api.get("/api/v1/mentions?source=mail&limit=100").json().getJsonArray("items").size() == 4);
    Await.until("all filed", Duration.ofSeconds(30), () -> api.get("/api/v1/worklist?limit=100").json()
        .getJsonArray("items").stream().mapToInt(c -> ((JsonObject) c).getInteger("mentionCount")).sum() == 4);
  }

  private static int cases() {
    return api.get("/api/v1/worklist?limit=100").json().getJsonArray("items").size();
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void anAgentSeesTheAuthorsHistoryAndAnAdminErasesItEverywhere() {
    // an agent sees Els's earlier mentions, her case with its note, and her sentiment per day
    ApiClient agent = api.withKey(api.newKey("ann", "agent"));
    String elsCase = agent.get("/api/v1/worklist?limit=100").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(c -> ("email:" + HANDLE).equals(c.getString("authorKey"))).findFirst()
        .orElseThrow().getString("id");
    agent.post("/api/v1/cases/" + elsCase + "/notes", new JsonObject().put("text", "Els belt liever: 06-12345678").encode());
    JsonObject history = agent.get("/api/v1/authors/email/" + HANDLE).json();
    assertThat(history.getJsonArray("mentions")).hasSize(3);
    assertThat(history.getJsonArray("sentimentByDay").stream().map(d -> ((JsonObject) d).getString("day")))
        .containsExactly("2026-11-23", "2026-11-24");
    JsonArray cases = history.getJsonArray("cases");
    assertThat(cases).hasSize(1);
    assertThat(cases.getJsonObject(0).getJsonArray("notes").getJsonObject(0).getString("text")).contains("06-12345678");
    // analysts never see authors, nor the notes about them; agents may not erase
    ApiClient analyst = api.withKey(api.newKey("mia", "analyst"));
    assertThat(analyst.get("/api/v1/authors/email/" + HANDLE).status()).isEqualTo(403);
    String seenByAnalyst = analyst.get("/api/v1/cases/" + elsCase).body();
    assertThat(seenByAnalyst).doesNotContain("06-12345678").doesNotContain(HANDLE).doesNotContain("\"author\"")
        .contains("\"noteCount\":1");
    assertThat(agent.delete("/api/v1/authors/email/" + HANDLE).status()).isEqualTo(403);

    // WHEN an admin erases Els
    JsonObject report = api.delete("/api/v1/authors/email/" + HANDLE).json();

    // THEN the report says what went, and no key in Redis holds her handle, her name or her words
    assertThat(report.getBoolean("erased")).isTrue();
    JsonObject removed = report.getJsonObject("removed");
    assertThat(removed.getInteger("mentions")).isEqualTo(3);
    assertThat(removed.getInteger("cases")).isEqualTo(1);
    assertThat(removed.getInteger("mentionsTakenFromOtherCases")).isEqualTo(1);
    assertThat(removed.getInteger("alerts")).isGreaterThanOrEqualTo(1);
    List<String> traces = tracesOf(List.of(HANDLE, NAME, "klantnummer 4711", "06-12345678", "dubbele factuur",
        "geen monteur"));
    assertThat(traces).isEmpty();
    // Piet's case stays, without Els's mention in it
    JsonArray left = api.get("/api/v1/worklist?limit=100").json().getJsonArray("items");
    assertThat(left).hasSize(1);
    assertThat(left.getJsonObject(0).getString("authorKey")).isEqualTo("email:piet@example.nl");
    JsonObject pietsCase = api.get("/api/v1/cases/" + left.getJsonObject(0).getString("id")).json();
    assertThat(pietsCase.getJsonArray("mentionIds")).hasSize(1);
    assertThat(pietsCase.getJsonArray("mentions")).hasSize(1);
    assertThat(pietsCase.getJsonArray("mentions").getJsonObject(0).getString("text")).contains("meter is kapot");
    assertThat(api.get("/api/v1/authors/email/" + HANDLE).status()).isEqualTo(404);
    // a second erasure finds nothing; Els's old posts are not imported again
    assertThat(api.delete("/api/v1/authors/email/" + HANDLE).json().getBoolean("erased")).isFalse();
    assertThat(push("els-1", NAME, HANDLE, "Mijn factuur klopt niet", null, "2026-11-23T09:00:00Z")
        .json().getString("status")).isEqualTo("duplicate");
  }

  /** Every key under the test prefix whose name or content holds one of the texts. */
  private static List<String> tracesOf(List<String> texts) {
    List<String> found = new ArrayList<>();
    try (UnifiedJedis client = TestRedis.client()) {
      nl.webcare.store.RedisGateway.scanKeys(client, running.prefix + "*", page -> {
        for (String key : page) {
          String content = key + " " + switch (client.type(key)) {
            case "string" -> client.get(key);
            case "hash" -> client.hgetAll(key).toString();
            case "list" -> client.lrange(key, 0, -1).toString();
            case "set" -> client.smembers(key).toString();
            case "zset" -> client.zrange(key, 0, -1).toString();
            case "stream" -> client.xrange(key, (StreamEntryID) null, null).stream().map(e -> e.getFields().toString())
                .toList().toString();
            default -> "";
          };
          for (String text : texts) {
            if (content.toLowerCase().contains(text.toLowerCase())) {
              found.add(key + " holds " + text);
            }
          }
        }
      });
    }
    return found;
  }

  private static ApiClient.Answer push(String id, String name, String handle, String text, String thread, String at) {
    JsonObject mention = new JsonObject().put("externalId", id).put("text", text)
        .put("author", new JsonObject().put("name", name).put("handle", handle)).put("publishedAt", at);
    if (thread != null) {
      mention.put("conversationId", thread);
    }
    byte[] body = mention.encode().getBytes(StandardCharsets.UTF_8);
    ApiClient.Answer answer = api.post("/api/v1/ingest/mail", body, RequestSignature.HEADER,
        RequestSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), body));
    if (answer.status() != 202) {
      throw new UncheckedIOException(new IOException("push failed: " + answer.status() + " " + answer.body()));
    }
    return answer;
  }
}
