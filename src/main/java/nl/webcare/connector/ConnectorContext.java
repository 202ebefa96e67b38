package nl.webcare.connector;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClient;
import java.util.Map;
import nl.webcare.config.WebcareConfig;
import nl.webcare.connector.http.HttpFetcher;
import nl.webcare.connector.http.OutboundGuard;

/**
 * What connectors share: Vert.x, one HTTP client, the worker pool for parsing and blocking client
 * libraries, the limits, the daily read counters of paid APIs, and the environment that holds the
 * secrets a connector file names (never the secrets themselves in a file).
 */
public record ConnectorContext(
    Vertx vertx, HttpClient http, WorkerExecutor parsers, WebcareConfig.Connectors limits, ReadBudgetStore budgets,
    Map<String, String> environment, OutboundGuard guard) {

  public ConnectorContext {
    environment = Map.copyOf(environment);
  }

  /**
   * The secret in the environment variable that option {@code key} names.
   *
   * @throws CredentialsRejectedException when the option is missing or the variable is unset or empty:
   *     like a refused token, only an operator can mend it, so the connector stops and says which
   */
  public String secret(ConnectorDefinition definition, String key) {
    String variable = definition.option(key);
    if (variable == null) {
      throw new CredentialsRejectedException(definition.name() + ": " + key + " must name an environment variable");
    }
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      throw new CredentialsRejectedException(definition.name() + ": environment variable " + variable + " (" + key
          + ") is not set");
    }
    return value;
  }

  /** As {@link #secret}, or null when the file does not name one (an optional token). */
  public String optionalSecret(ConnectorDefinition definition, String key) {
    return definition.option(key) == null ? null : secret(definition, key);
  }

  /** An HTTP fetcher with the configured timeout and size cap. */
  public HttpFetcher fetcher() {
    return new HttpFetcher(vertx, http, guard, limits.requestTimeoutMs(), limits.maxFeedBytes());
  }
}
