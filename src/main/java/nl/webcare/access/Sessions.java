package nl.webcare.access;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * Browser sessions: an API key exchanged once for a random session token (kept in an HttpOnly cookie, never in the
 * page) and a CSRF token (which the page sends back as a header with every change). A session lives as long as
 * its key does and at most until it expires. Every future fails when the store cannot be reached.
 */
public interface Sessions {
  /** A session just made: the cookie's token and the CSRF token are shown here only. */
  record Started(String token, String csrf, Instant expires) {}

  /** A session as stored: whose key it stands for, its CSRF token and when it ends. */
  record Session(String keyId, String csrf, Instant expires) {}

  Future<Started> start(ApiKey key, Instant now);

  /** The session of this cookie token, or null (unknown, ended or expired). */
  Future<Session> find(String token);

  /** Ends the session of this cookie token (sign-out); nothing when there is none. */
  Future<Void> end(String token);
}
