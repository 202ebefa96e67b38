package nl.webcare.store;

/**
 * Redis could not be reached (refused, reset, timed out): nothing was done, and the same call may succeed
 * shortly. Callers report it as an outage (the API answers 503) instead of an error of theirs.
 */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(Throwable cause) {
    super("the store (Redis) cannot be reached: " + cause.getMessage(), cause);
  }
}
