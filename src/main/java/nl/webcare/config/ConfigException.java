package nl.webcare.config;

/** A configuration value that stops the start; the message names the key and what is wrong. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
