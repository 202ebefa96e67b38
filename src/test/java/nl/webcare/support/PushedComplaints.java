package nl.webcare.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.webcare.connector.push.RequestSignature;

/**
 * A Webcare without CoreNLP ({@link RunningApp#LIGHT}) with one signed push source, {@code contact-form}, through
 * which a test files mentions as a relay would, and waits for their cases.
 */
public final class PushedComplaints implements AutoCloseable {
  private static final String SECRET = "form-secret-0123456789abcdef";
  public final RunningApp running;
  public final ApiClient api;

  public PushedComplaints() {
    this(java.util.function.UnaryOperator.identity());
  }

  /** As above, with the test configuration changed by {@code change}. */
  public PushedComplaints(java.util.function.UnaryOperator<nl.webcare.config.WebcareConfig> change) {
    Path connectors = TestRedis.tempDir();
    try {
      Files.writeString(connectors.resolve("contact-form.yaml"),
          "name: contact-form\ntype: push\nbrand: acme\nchannel: form\nlanguage: en\nsecretEnv: FORM_SECRET\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    running = new RunningApp(connectors, Map.of("FORM_SECRET", SECRET), RunningApp.LIGHT, change);
    api = running.api;
  }

  /** Pushes a complaint by {@code handle} and waits until its case is on the worklist; the case's id. */
  public String complaint(String externalId, String handle, String text) {
    String mentionId = push(externalId, handle, text, null);
    String[] found = new String[1];
    Await.until("the complaint has a case", Duration.ofSeconds(30), () -> {
      for (Object item : api.get("/api/v1/worklist?limit=500").json().getJsonArray("items")) {
        if (mentionId.equals(((JsonObject) item).getString("mentionId"))) {
          found[0] = ((JsonObject) item).getString("id");
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  /** Pushes one signed mention ({@code publishedAt} may be null); the mention's id. */
  public String push(String externalId, String handle, String text, String publishedAt) {
    JsonObject mention = new JsonObject().put("externalId", externalId).put("text", text)
        .put("author", new JsonObject().put("name", handle).put("handle", handle));
    if (publishedAt != null) {
      mention.put("publishedAt", publishedAt);
    }
    byte[] body = mention.encode().getBytes(StandardCharsets.UTF_8);
    ApiClient.Answer accepted = api.post("/api/v1/ingest/contact-form", body, RequestSignature.HEADER,
        RequestSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), body));
    assertThat(accepted.status()).isEqualTo(202);
    return accepted.json().getString("id");
  }

  @Override
  public void close() {
    running.close();
  }
}
