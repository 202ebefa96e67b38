package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.webcare.app.WebcareApp;
import nl.webcare.config.WebcareConfig;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestConfig;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slow and silent clients are cut off while others are served; headers, CORS and TLS as configured. */
class HttpServerGuardsTest {
  private static final Vertx VERTX = Vertx.vertx();
  private static final String PREFIX = TestRedis.newPrefix();
  private static WebcareApp app;

  @BeforeAll
  static void start() {
    app = startWith(new WebcareConfig.Guards(Duration.ofMillis(700), Duration.ofMillis(700), Duration.ofSeconds(5),
        50, List.of("https://dash.example"), null, null));
  }

  @AfterAll
  static void stop() {
    Await.result(app.stop());
    Await.result(VERTX.close());
    TestRedis.cleanup(PREFIX);
  }

  @Test
  void aClientTricklingItsHeadersIsCutOffWhileOthersAreServed() throws Exception {
    try (Socket slow = new Socket("127.0.0.1", app.httpPort())) {
      slow.setSoTimeout(15_000);
      OutputStream out = slow.getOutputStream();
      out.write("GET /health/live HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      boolean cut = false;
      for (int i = 0; i < 60 && !cut; i++) {
        // meanwhile another client is answered at once
        if (i == 1) {
          assertThat(new ApiClient(app.httpPort(), null).get("/health/live").status()).isEqualTo(200);
        }
        try {
          out.write("X-Slow: 1\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          Thread.sleep(200);
        } catch (java.io.IOException closed) {
          cut = true;
        }
        if (!cut && slow.getInputStream().available() == 0 && closedByPeer(slow)) {
          cut = true;
        }
      }
      assertThat(cut).as("the trickling client was cut off").isTrue();
    }
  }

  @Test
  void aSilentConnectionAndABodyThatNeverComesAreClosed() throws Exception {
    try (Socket silent = new Socket("127.0.0.1", app.httpPort())) {
      silent.setSoTimeout(15_000);
      assertThat(silent.getInputStream().read()).isEqualTo(-1);
    }
    try (Socket post = new Socket("127.0.0.1", app.httpPort())) {
      post.setSoTimeout(15_000);
      post.getOutputStream().write(("POST /api/v1/ingest/nope HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Content-Length: 500\r\n\r\n{\"externalId\":").getBytes(StandardCharsets.US_ASCII));
      assertThat(readAll(post.getInputStream())).doesNotContain("202");
    }
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/worklist")).GET());
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
        assertThat(v).contains("default-src 'none'"));
    assertThat(answer.headers().firstValue("Referrer-Policy")).contains("no-referrer");
  }

  @Test
  void corsIsClosedButForTheConfiguredOriginAndAPreflightIsAnsweredBeforeTheKey() throws Exception {
    HttpResponse<String> allowed = send(HttpRequest.newBuilder(uri("/api/v1/worklist"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://dash.example")
        .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "authorization"));
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://dash.example");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(v ->
        assertThat(v).contains("Authorization"));
    HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/v1/worklist"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "GET"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("cors_refused");
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> simple = send(HttpRequest.newBuilder(uri("/health/live")).header("Origin",
        "https://evil.example").GET());
    assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void moreConnectionsThanTheCapAreClosedAtOnce() throws Exception {
    WebcareApp capped = startWith(new WebcareConfig.Guards(Duration.ofSeconds(30), Duration.ofSeconds(30),
        Duration.ofSeconds(30), 3, List.of(), null, null));
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        held.add(new Socket("127.0.0.1", capped.httpPort()));
      }
      Thread.sleep(300); // let the server count them
      try (Socket fourth = new Socket("127.0.0.1", capped.httpPort())) {
        fourth.setSoTimeout(10_000);
        fourth.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readAll(fourth.getInputStream())).doesNotContain("200");
      }
      held.forEach(HttpServerGuardsTest::closeQuietly);
      held.clear();
      Thread.sleep(300);
      assertThat(new ApiClient(capped.httpPort(), null).get("/health/live").status()).isEqualTo(200);
    } finally {
      held.forEach(HttpServerGuardsTest::closeQuietly);
      Await.result(capped.stop());
    }
  }

  @Test
  void tlsServesHttpsFromAPkcs12KeyStore() throws Exception {
    Path store = TestRedis.tempDir().resolve("webcare-test.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "webcare", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "test-pass",
        "-keypass", "test-pass").redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).isZero();
    WebcareApp tls = startWith(new WebcareConfig.Guards(Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(10), 50, List.of(), store.toString(), "test-pass"));
    try {
      var trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
      trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
        public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) { }
        public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) { }
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
          return new java.security.cert.X509Certificate[0];
        }
      }}, null);
      HttpClient client = HttpClient.newBuilder().sslContext(trustAll).build();
      HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + tls.httpPort()
          + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Strict-Transport-Security")).isPresent();
    } finally {
      Await.result(tls.stop());
    }
  }

  private static WebcareApp startWith(WebcareConfig.Guards guards) {
    WebcareConfig base = TestConfig.create(TestRedis.url(), PREFIX, TestRedis.tempDir().toString());
    WebcareConfig config = TestConfig.withHttp(base, new WebcareConfig.Http("127.0.0.1", 0, 64 * 1024, guards));
    return Await.result(WebcareApp.start(VERTX, config, RunningApp.LIGHT, Map.of()));
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.httpPort() + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static boolean closedByPeer(Socket socket) throws java.io.IOException {
    socket.setSoTimeout(1);
    try {
      return socket.getInputStream().read() == -1;
    } catch (java.net.SocketTimeoutException open) {
      return false;
    } finally {
      socket.setSoTimeout(15_000);
    }
  }

  private static String readAll(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (java.io.IOException reset) {
      return "";
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (java.io.IOException ignored) {
      // closing a socket the server closed already
    }
  }
}
