package nl.webcare.connector.feed;

import io.vertx.core.buffer.Buffer;

/**
 * A feed as it came over HTTP.
 *
 * @param notModified true for a 304 answer to a conditional GET; then body is empty
 * @param body        the raw bytes, at most the configured size cap
 * @param contentType the Content-Type header (its charset guides XML decoding), may be null
 * @param etag        the ETag header, may be null
 * @param lastModified the Last-Modified header, may be null
 */
record FeedResponse(boolean notModified, Buffer body, String contentType, String etag, String lastModified) {}
