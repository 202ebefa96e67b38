package nl.webcare.access;

import io.vertx.core.Future;

/**
 * Failed authentications per client address, counted for all Webcare processes together, so that keys cannot be
 * guessed at speed. Fails its future when the store cannot be reached (the request then answers 503).
 */
public interface AuthFailures {

  /** Whether the client may try a key now, and else in how many seconds. */
  record Standing(boolean blocked, long retryAfterSeconds) {}

  /** The client's standing, without counting anything. */
  Future<Standing> standing(String client);

  /** Counts one failed authentication of the client and answers its standing after it. */
  Future<Standing> failed(String client);
}
