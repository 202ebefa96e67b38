package nl.webcare.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A small HTTP client for the API under test, as an integration would call it. */
public final class ApiClient {
  /** HTTP/1.1, as the API speaks it: no h2c upgrade attempt on plain connections. */
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  /** A whole exchange, body included, ends within this: a stuck answer fails the test instead of hanging CI. */
  private static final Duration EXCHANGE_LIMIT = Duration.ofSeconds(45);
  private final String base;
  private final String key;

  /** A client that sends the test admin key. */
  public ApiClient(int port) {
    this(port, TestConfig.ADMIN_KEY);
  }

  /** A client that sends {@code key} as its bearer token (null: none). */
  public ApiClient(int port, String key) {
    this.base = "http://127.0.0.1:" + port;
    this.key = key;
  }

  /** A client for the same server with another key. */
  public ApiClient withKey(String otherKey) {
    return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherKey);
  }

  /** Makes an API key with the admin key and returns it. */
  public String newKey(String owner, String role) {
    Answer answer = post("/api/v1/keys", new JsonObject().put("owner", owner).put("role", role).encode());
    if (answer.status() != 201) {
      throw new IllegalStateException("could not make a key: " + answer.status() + " " + answer.body());
    }
    return answer.json().getString("key");
  }

  /** Makes an API key of an agent or lead who works in {@code teams} and returns it. */
  public String newKey(String owner, String role, String... teams) {
    Answer answer = post("/api/v1/keys", new JsonObject().put("owner", owner).put("role", role)
        .put("teams", new io.vertx.core.json.JsonArray(java.util.List.of(teams))).encode());
    if (answer.status() != 201) {
      throw new IllegalStateException("could not make a key: " + answer.status() + " " + answer.body());
    }
    return answer.json().getString("key");
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    return key == null ? request : request.header("Authorization", "Bearer " + key);
  }

  public record Answer(int status, String body, java.net.http.HttpHeaders headers) {
    public Answer(int status, String body) {
      this(status, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
    }

    public JsonObject json() {
      return new JsonObject(body);
    }

    /** The first value of a response header, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** One connector's entry of {@code GET /api/v1/connectors}. */
  public JsonObject connector(String name) {
    io.vertx.core.json.JsonArray items = get("/api/v1/connectors").json().getJsonArray("items");
    for (int i = 0; i < items.size(); i++) {
      if (name.equals(items.getJsonObject(i).getString("name"))) {
        return items.getJsonObject(i);
      }
    }
    throw new AssertionError("connector " + name + " not listed");
  }

  /** A GET with extra headers (name, value, ...), such as Accept: text/csv. */
  public Answer get(String path, String... headers) {
    HttpRequest.Builder request = request(path).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  public Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer put(String path, String body) {
    return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer patch(String path, String body) {
    return send(request(path).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer delete(String path) {
    return send(request(path).DELETE());
  }

  public Answer post(String path, String body) {
    return await(postAsync(path, body));
  }

  public CompletableFuture<Answer> postAsync(String path, String body) {
    HttpRequest request = request(path).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Answer(r.statusCode(), r.body()));
  }

  /** POSTs raw bytes with extra headers (name, value, name, value ...). */
  public Answer post(String path, byte[] body, String... headers) {
    HttpRequest.Builder request = request(path)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  /** The response headers of a POST of raw bytes, for checks such as Retry-After. */
  public java.net.http.HttpHeaders postHeaders(String path, byte[] body, String... headers) {
    HttpRequest.Builder request = request(path).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).headers();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Answer send(HttpRequest.Builder request) {
    HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
    try {
      HttpResponse<String> response = http.sendAsync(built, HttpResponse.BodyHandlers.ofString())
          .get(EXCHANGE_LIMIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      return new Answer(response.statusCode(), response.body(), response.headers());
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(built.method() + " " + built.uri() + " got no complete answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static Answer await(CompletableFuture<Answer> future) {
    try {
      return future.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
