package nl.webcare.connector.http;

import io.vertx.core.buffer.Buffer;

/**
 * A response body as it came over HTTP (a feed, an API's JSON).
 *
 * @param notModified true for a 304 answer to a conditional GET; then body is empty
 * @param body        the raw bytes, at most the configured size cap
 * @param contentType the Content-Type header (its charset guides XML decoding), may be null
 * @param etag        the ETag header, may be null
 * @param lastModified the Last-Modified header, may be null
 * @param status      the HTTP status (2xx, or 304)
 */
public record HttpResponseBody(boolean notModified, Buffer body, String contentType, String etag, String lastModified,
    int status) {}
