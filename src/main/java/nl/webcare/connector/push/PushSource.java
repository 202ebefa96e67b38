package nl.webcare.connector.push;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.OptionChecks;

/**
 * A channel that pushes mentions to {@code POST /api/v1/ingest/{name}} (comments relayed from Facebook or
 * Instagram, a contact form, e-mail to webhook, chat), as its connector file describes it.
 *
 * @param secret         the shared HMAC-SHA256 secret, from the environment variable {@code secretEnv} names
 * @param channel        what the mentions say they came from (facebook, instagram, email, form, chat ...)
 * @param maxBodyBytes   a larger body answers 413
 * @param ratePerMinute  more requests in one minute answer 429
 */
public record PushSource(ConnectorDefinition definition, byte[] secret, String channel, String language,
    int maxBodyBytes, int ratePerMinute) {

  static final Set<String> OPTIONS = Set.of("secretEnv", "channel", "language", "maxBodyBytes", "ratePerMinute");
  static final int DEFAULT_MAX_BODY = 64 * 1024;
  static final int DEFAULT_RATE = 120;
  /** A shorter secret is too easy to guess for an HMAC key. */
  static final int MIN_SECRET_BYTES = 16;

  public String name() {
    return definition.name();
  }

  /** Checks the options of a push connector file; the secret itself is read by {@link #of}. */
  static void validate(ConnectorDefinition d) {
    OptionChecks.requireKnown(d, OPTIONS);
    OptionChecks.requireSecretName(d, "secretEnv", "the shared secret");
    String channel = d.option("channel");
    if (channel != null && !channel.matches("[a-z0-9][a-z0-9-]{0,31}")) {
      throw new IllegalArgumentException("channel must be a short lower-case word, got " + channel);
    }
    OptionChecks.requireLanguage(d);
    OptionChecks.requireRange(d, "maxBodyBytes", DEFAULT_MAX_BODY, 1024, 1024 * 1024);
    OptionChecks.requireRange(d, "ratePerMinute", DEFAULT_RATE, 1, 100_000);
  }

  /**
   * The source with its secret.
   *
   * @throws IllegalArgumentException when the secret's variable is unset or the secret is too short
   */
  public static PushSource of(ConnectorDefinition d, Map<String, String> environment) {
    validate(d);
    String variable = d.option("secretEnv");
    String secret = environment.get(variable);
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("push source " + d.name() + ": environment variable " + variable + " is not set");
    }
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("push source " + d.name() + ": the secret in " + variable
          + " must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    String channel = d.option("channel") == null ? "push" : d.option("channel");
    return new PushSource(d, bytes, channel, d.option("language"), (int) d.longOption("maxBodyBytes", DEFAULT_MAX_BODY),
        (int) d.longOption("ratePerMinute", DEFAULT_RATE));
  }
}
