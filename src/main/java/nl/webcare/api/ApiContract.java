package nl.webcare.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.webcare.resources.ClasspathResources;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Holds every request to the served OpenAPI document before a route sees it: a method the path does not take
 * is 405 with {@code Allow}, a query parameter the operation does not name is 400 {@code bad_parameter} naming
 * it. The document is the one list of what each route takes (a test holds it to the routes), so a typo such as
 * {@code ?stat=new} is an error instead of an unfiltered answer.
 */
final class ApiContract implements Handler<RoutingContext> {

  private record Operation(String method, Pattern path, Set<String> queryParameters) {}

  private final List<Operation> operations;

  ApiContract(String documentText) {
    this.operations = read(new Yaml(new SafeConstructor(new LoaderOptions())).load(documentText));
  }

  static ApiContract served() {
    return new ApiContract(ClasspathResources.text(DocumentRoutes.OPENAPI));
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath().substring(ApiVerticle.API_ROOT.length());
    List<Operation> atPath = operations.stream().filter(o -> o.path().matcher(path).matches()).toList();
    if (atPath.isEmpty()) {
      ctx.next(); // answered 404 further on
      return;
    }
    String method = ctx.request().method().name();
    Operation operation = atPath.stream().filter(o -> o.method().equals(method)).findFirst().orElse(null);
    if (operation == null) {
      Set<String> allowed = new TreeSet<>(atPath.stream().map(Operation::method).toList());
      ctx.response().putHeader("Allow", String.join(", ", allowed));
      ctx.fail(new ApiException(405, "method_not_allowed", method + " is not allowed on " + ctx.request().path()
          + "; it takes " + String.join(", ", allowed)));
      return;
    }
    for (String name : ctx.queryParams().names()) {
      if (!operation.queryParameters().contains(name)) {
        ctx.fail(ApiException.badRequest("bad_parameter", "unknown query parameter " + name + "; this route takes "
            + (operation.queryParameters().isEmpty() ? "none" : new TreeSet<>(operation.queryParameters()))));
        return;
      }
    }
    ctx.next();
  }

  @SuppressWarnings("unchecked")
  private static List<Operation> read(Map<String, Object> document) {
    Map<String, Object> components = (Map<String, Object>) document.getOrDefault("components", Map.of());
    Map<String, Object> shared = (Map<String, Object>) components.getOrDefault("parameters", Map.of());
    List<Operation> found = new ArrayList<>();
    ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> {
      Pattern pattern = Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
      List<Object> common = (List<Object>) item.getOrDefault("parameters", List.of());
      item.forEach((method, value) -> {
        if (value instanceof Map<?, ?> raw && !"parameters".equals(method)) {
          Map<String, Object> operation = (Map<String, Object>) raw;
          Set<String> query = new LinkedHashSet<>(queryNames(common, shared));
          query.addAll(queryNames((List<Object>) operation.getOrDefault("parameters", List.of()), shared));
          found.add(new Operation(method.toUpperCase(Locale.ROOT), pattern, Set.copyOf(query)));
        }
      });
    });
    return List.copyOf(found);
  }

  @SuppressWarnings("unchecked")
  private static List<String> queryNames(List<Object> parameters, Map<String, Object> shared) {
    List<String> names = new ArrayList<>();
    for (Object p : parameters) {
      Map<String, Object> parameter = (Map<String, Object>) p;
      Object ref = parameter.get("$ref");
      if (ref != null) {
        parameter = (Map<String, Object>) shared.get(ref.toString().substring("#/components/parameters/".length()));
      }
      if (parameter != null && "query".equals(parameter.get("in"))) {
        names.add((String) parameter.get("name"));
      }
    }
    return names;
  }
}
