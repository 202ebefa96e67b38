package nl.webcare.connector.http;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import java.util.HashMap;
import java.util.Map;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.CredentialsRejectedException;

/**
 * GETs JSON from a social API (Bluesky, Mastodon) through {@link HttpFetcher}, so the same size cap and
 * deadline hold as for feeds, and decodes it on a worker. 401 and 403 become
 * {@link CredentialsRejectedException}: without a token the API wants one, with a token it refused it.
 */
public final class JsonApiClient {
  private final HttpFetcher fetcher;
  private final WorkerExecutor workers;
  private final String apiName;

  public JsonApiClient(HttpFetcher fetcher, WorkerExecutor workers, String apiName) {
    this.fetcher = fetcher;
    this.workers = workers;
    this.apiName = apiName;
  }

  /** The decoded JSON (object or array) at {@code url}; {@code bearerToken} may be null. */
  public Future<Object> get(String url, String bearerToken) {
    Map<String, String> headers = new HashMap<>();
    if (bearerToken != null) {
      headers.put("Authorization", "Bearer " + bearerToken);
    }
    return fetcher.fetch(url, HttpFetcher.ACCEPT_JSON, headers, null, null)
        .recover(error -> Future.failedFuture(refused(error, bearerToken != null)))
        .compose(response -> workers.executeBlocking(() -> decode(response), false));
  }

  /** POSTs {@code body} as JSON with the bearer token and decodes the answer on a worker. */
  public Future<Object> post(String url, String bearerToken, io.vertx.core.json.JsonObject body) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", "Bearer " + bearerToken);
    return fetcher.postJson(url, headers, body.encode())
        .recover(error -> Future.failedFuture(refused(error, true)))
        .compose(response -> workers.executeBlocking(() -> decode(response), false));
  }

  private Throwable refused(Throwable error, boolean withToken) {
    if (error instanceof HttpStatusException s && (s.status() == 401 || s.status() == 403)) {
      return new CredentialsRejectedException(apiName + " " + s.getMessage()
          + (withToken ? ": the token was refused" : ": this API needs a token (tokenEnv)"));
    }
    return error;
  }

  private Object decode(HttpResponseBody response) {
    try {
      Object json = Json.decodeValue(response.body());
      if (json == null) {
        throw new ConnectorException(apiName + " answered an empty JSON value");
      }
      return json;
    } catch (DecodeException e) {
      throw new ConnectorException(apiName + " answered something that is not JSON ("
          + response.body().length() + " bytes)", e);
    }
  }
}
