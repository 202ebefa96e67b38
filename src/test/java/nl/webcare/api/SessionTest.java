package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.webcare.support.PushedComplaints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A browser's session: the cookie's flags, CSRF on every change, sign-out, and a revoked key ending it. */
class SessionTest {
  private static PushedComplaints webcare;
  private static String base;

  @BeforeAll
  static void start() {
    webcare = new PushedComplaints();
    base = "http://127.0.0.1:" + webcare.running.app.httpPort() + "/api/v1";
  }

  @AfterAll
  static void stop() {
    webcare.close();
  }

  private static HttpResponse<String> send(String method, String path, String cookie, String csrf, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Signs in with a key; the cookie to send back, and the CSRF token. */
  private static String[] signIn(String key) throws Exception {
    HttpResponse<String> signed = send("POST", "/session", null, null, new JsonObject().put("key", key).encode());
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
    String setCookie = signed.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie.toLowerCase()).contains("webcare_session=", "httponly", "samesite=strict", "path=/")
        .doesNotContain(key);
    return new String[] {setCookie.substring(0, setCookie.indexOf(';')), new JsonObject(signed.body())
        .getString("csrfToken")};
  }

  @Test
  void aSignedInBrowserReadsFreelyButChangesOnlyWithItsCsrfToken() throws Exception {
    String key = webcare.api.newKey("ann", "agent", "care");
    String[] session = signIn(key);
    JsonObject me = new JsonObject(send("GET", "/session", session[0], null, null).body());
    assertThat(me.getString("owner")).isEqualTo("ann");
    assertThat(me.getJsonArray("may").getList()).contains("work_cases").doesNotContain("administer");
    assertThat(send("GET", "/worklist", session[0], null, null).statusCode()).isEqualTo(200);
    // a change without the token, or with another, is refused; with it, it goes through to the route
    HttpResponse<String> forged = send("POST", "/cases/WC-00000/claim", session[0], null, "{}");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("csrf_refused");
    assertThat(send("POST", "/cases/WC-00000/claim", session[0], "guess", "{}").statusCode()).isEqualTo(403);
    assertThat(send("POST", "/cases/WC-00000/claim", session[0], session[1], "{}").statusCode()).isEqualTo(404);
    // signing out ends it
    assertThat(send("DELETE", "/session", session[0], session[1], null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/worklist", session[0], null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void revokingTheKeyEndsItsSessionsAndAWrongKeyGetsNone() throws Exception {
    String key = webcare.api.newKey("bob", "agent", "care");
    String[] session = signIn(key);
    String id = webcare.api.get("/api/v1/keys?limit=500").json().getJsonArray("items").stream()
        .map(k -> (JsonObject) k).filter(k -> "bob".equals(k.getString("owner"))).findFirst().orElseThrow()
        .getString("id");
    assertThat(webcare.api.delete("/api/v1/keys/" + id).status()).isEqualTo(200);
    HttpResponse<String> after = send("GET", "/worklist", session[0], null, null);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.body()).contains("revoked");
    HttpResponse<String> wrong = send("POST", "/session", null, null, "{\"key\":\"wrong-key-0123456789abcdef\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
  }
}
