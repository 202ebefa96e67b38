package nl.webcare.store;

/**
 * Redis could not be reached (refused, reset, timed out): nothing was done, and the same call may succeed
 * shortly. Callers report it as an outage (the API answers 503) instead of an error of theirs.
 */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(Throwable cause) {
    super("the store (Redis) cannot be reached: " + cause.getMessage(), cause);
  }

  /** True when {@code error}, or what caused it, is the store's outage. */
  public static boolean isCauseOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof StoreUnavailableException) {
        return true;
      }
    }
    return false;
  }
}
