package nl.webcare.connector;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClient;
import java.util.Map;
import nl.webcare.config.WebcareConfig;
import nl.webcare.store.ReadBudgetStore;

/**
 * What connectors share: Vert.x, one HTTP client, the worker pool for parsing and blocking client
 * libraries, the limits, the daily read counters of paid APIs, and the environment that holds the
 * secrets a connector file names (never the secrets themselves in a file).
 */
public record ConnectorContext(
    Vertx vertx, HttpClient http, WorkerExecutor parsers, WebcareConfig.Connectors limits, ReadBudgetStore budgets,
    Map<String, String> environment) {

  public ConnectorContext {
    environment = Map.copyOf(environment);
  }

  /**
   * The secret in the environment variable that option {@code key} names.
   *
   * @throws ConnectorException when the option is missing or the variable is unset or empty
   */
  public String secret(ConnectorDefinition definition, String key) {
    String variable = definition.option(key);
    if (variable == null) {
      throw new ConnectorException(definition.name() + ": " + key + " must name an environment variable");
    }
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      throw new ConnectorException(definition.name() + ": environment variable " + variable + " (" + key + ") is not set");
    }
    return value;
  }
}
