package nl.webcare.demo;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the sample feeds in {@code demo/feeds/} from the jar on a loopback port, with ETags, so a
 * first run without internet or API keys shows the whole path working: poll, score, worklist.
 */
public final class DemoFeedVerticle extends VerticleBase {
  private final int port;
  private final Map<String, Buffer> cache = new ConcurrentHashMap<>();
  private HttpServer server;

  public DemoFeedVerticle(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer()
        .requestHandler(this::serve)
        .listen(port, "127.0.0.1")
        .onSuccess(s -> server = s);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private void serve(HttpServerRequest request) {
    String path = request.path();
    if (!path.startsWith("/feeds/") || !path.matches("/feeds/[a-z0-9-]+\\.xml")) {
      request.response().setStatusCode(404).end();
      return;
    }
    String name = path.substring("/feeds/".length());
    vertx.executeBlocking(() -> load(name), false).onComplete(ar -> {
      Buffer body = ar.succeeded() ? ar.result() : null;
      if (body == null) {
        request.response().setStatusCode(404).end();
        return;
      }
      String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
      if (etag.equals(request.getHeader("If-None-Match"))) {
        request.response().setStatusCode(304).putHeader("ETag", etag).end();
        return;
      }
      request.response().putHeader("Content-Type", "application/xml; charset=utf-8").putHeader("ETag", etag).end(body);
    });
  }

  private Buffer load(String name) throws IOException {
    Buffer cached = cache.get(name);
    if (cached != null) {
      return cached;
    }
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/feeds/" + name)) {
      if (in == null) {
        return null;
      }
      Buffer body = Buffer.buffer(in.readAllBytes());
      cache.put(name, body);
      return body;
    }
  }
}
