package nl.webcare.connector;

import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClient;
import nl.webcare.config.WebcareConfig;

/**
 * What connectors share: Vert.x, one HTTP client, the worker pool for parsing, and the limits.
 */
public record ConnectorContext(
    Vertx vertx, HttpClient http, WorkerExecutor parsers, WebcareConfig.Connectors limits) {}
