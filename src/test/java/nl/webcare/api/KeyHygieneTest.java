package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.webcare.support.ApiClient;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A key's public id tells nothing of its secret, and nothing a request sends can forge a log line. */
class KeyHygieneTest {
  private static RunningApp running;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    running = new RunningApp(TestRedis.tempDir(), Map.of(), RunningApp.LIGHT);
    admin = running.api;
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void theIdIsDrawnApartFromTheSecretAndLongEnoughNotToCollide() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      JsonObject made = admin.post("/api/v1/keys", "{\"owner\":\"k" + i + "\",\"role\":\"analyst\"}").json();
      String id = made.getString("id");
      byte[] secret = Base64.getUrlDecoder().decode(made.getString("key").substring("wck_".length()));
      assertThat(id).matches("[0-9a-f]{16}");
      assertThat(HexFormat.of().formatHex(secret)).doesNotContain(id.substring(0, 8));
      ids.add(id);
    }
    assertThat(ids).hasSize(20);
  }

  @Test
  void anOwnerWithControlOrDirectionCharactersIsRefused() {
    for (String owner : new String[] {"ann\\nINFO audit: API key admin revoked", "ann\\u202Eevil", "ann\\u0007"}) {
      ApiClient.Answer answer = admin.post("/api/v1/keys", "{\"owner\":\"" + owner + "\",\"role\":\"agent\"}");
      assertThat(answer.status()).as(owner).isEqualTo(400);
      assertThat(answer.json().getString("message")).contains("control or text-direction");
    }
  }

  @Test
  void loggedValuesLoseControlAndDirectionCharacters() {
    assertThat(LogText.clean("id\r\nINFO forged\u202Eline\u2066")).isEqualTo("id??INFO forged?line?");
    assertThat(LogText.clean("plain owner")).isEqualTo("plain owner");
    assertThat(ApiErrorHandler.loggablePath("/api/v1/keys/x\nINFO forged")).doesNotContain("\n");
  }
}
