package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.webcare.app.WebcareApp;
import nl.webcare.support.ApiClient;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The OpenAPI document describes every route the API serves, and no route it does not. */
class OpenApiDocumentTest {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
  private static RunningApp running;
  private static WebcareApp app;

  @BeforeAll
  static void start() {
    running = new RunningApp(TestRedis.tempDir(), Map.of(), RunningApp.LIGHT);
    app = running.app;
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
    // the document is served without a key, as YAML that parses
    ApiClient.Answer served = new ApiClient(app.httpPort(), null).get("/api/v1/openapi.yaml");
    assertThat(served.status()).isEqualTo(200);
    Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(served.body());
    assertThat(document.get("openapi")).isEqualTo("3.0.3");
    List<String> documented = new ArrayList<>();
    @SuppressWarnings("unchecked") Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
    paths.forEach((path, operations) -> operations.keySet().stream().filter(METHODS::contains)
        .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
    List<String> served2 = app.apiRoutes().stream().map(r -> r.replaceAll("\\{[^}]+}", "{}")).distinct().toList();
    List<String> documentedShapes = documented.stream().map(r -> r.replaceAll("\\{[^}]+}", "{}")).toList();
    assertThat(served2).hasSizeGreaterThan(30).contains("POST /cases/{}/claim", "GET /worklist", "POST /ingest/{}");
    assertThat(documentedShapes).as("routes served but missing from openapi.yaml")
        .containsAll(served2);
    assertThat(served2).as("routes in openapi.yaml that the API does not serve").containsAll(documentedShapes);
  }

  @Test
  void theDocumentIsValidOpenApi3WithAnOperationIdAndA4xxPerOperation() {
    // GIVEN the served document WHEN an independent validator (swagger-parser) reads it, resolving every $ref
    String yaml = new ApiClient(app.httpPort(), null).get("/api/v1/openapi.yaml").body();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
    // THEN it has no errors, and every operation has its own operationId and says how it fails
    assertThat(parsed.getMessages()).as("validator messages").isEmpty();
    List<String> ids = new ArrayList<>();
    parsed.getOpenAPI().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      assertThat(operation.getOperationId()).as(method + " " + path + " operationId").isNotBlank();
      ids.add(operation.getOperationId());
      assertThat(operation.getResponses().keySet()).as(method + " " + path + " 4xx responses")
          .anyMatch(code -> code.startsWith("4"));
    }));
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void thePublishedIngestSchemaIsTheOneInTheDocumentAndCarriesNoValidatorInternals() {
    ApiClient anonymous = new ApiClient(app.httpPort(), null);
    JsonObject schema = anonymous.get("/api/v1/schemas/ingest-mention.json").json();
    assertThat(schema.encode()).doesNotContain("__absolute_uri__");
    Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions()))
        .load(anonymous.get("/api/v1/openapi.yaml").body());
    @SuppressWarnings("unchecked") Map<String, Object> components = (Map<String, Object>) document.get("components");
    @SuppressWarnings("unchecked") Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
    JsonObject inDocument = new JsonObject(JsonObject.mapFrom(schemas.get("IngestMention")).encode());
    JsonObject published = schema.copy();
    published.remove("$schema");
    published.remove("$id");
    assertThat(inDocument).isEqualTo(published);
  }
}
