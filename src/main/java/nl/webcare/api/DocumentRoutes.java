package nl.webcare.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import nl.webcare.resources.ClasspathResources;

/** {@code GET /openapi.yaml}: the OpenAPI 3 description of every route (a test fails when one is missing). */
final class DocumentRoutes {
  static final String OPENAPI = "api/openapi.yaml";
  private final Buffer document = Buffer.buffer(ClasspathResources.text(OPENAPI));

  void mount(Router api) {
    api.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
        .end(document));
  }
}
