package nl.webcare.delivery;

import java.time.Instant;
import nl.webcare.access.Role;
import nl.webcare.alerts.AlertFilter;

/**
 * Who wants which alerts, and where: a filter, and for a webhook its URL, format and signing secrets. The owner is
 * the API key that made it; its role decides whether deliveries name authors, and revoking the key stops them.
 *
 * @param url                null: no webhook (the subscription serves a feed token or documents a live stream)
 * @param messageLanguage    en or nl: the language of Slack and Teams messages
 * @param secret             the current signing secret ({@code whsec_...}); null without a webhook
 * @param previousSecret     the secret before the last rotation, still signed with until {@code previousUntil}
 * @param enabled            false after a 410, after the retries ran out, or by hand; {@code disabledReason} says why
 * @param hasFeedToken       true when a feed token for {@code /alerts.atom?token=} exists (only its hash is kept)
 */
public record Subscription(String id, String name, String ownerKeyId, String ownerName, Role ownerRole,
    Instant createdAt, AlertFilter filter, String url, WebhookFormat format, String messageLanguage, String secret, String previousSecret,
    Instant previousUntil, boolean enabled, String disabledReason, Instant disabledAt, boolean hasFeedToken) {

  public boolean isWebhook() {
    return url != null;
  }

  /** Whether its deliveries may name authors: by the owner's role, as the polled feed decides for that key. */
  public boolean namesAuthors() {
    return AlertJson.seesAuthors(ownerRole);
  }

  /** The secrets to sign with now: the current one, and the previous one while its overlap lasts. */
  public java.util.List<String> signingSecrets(Instant now) {
    return previousSecret != null && previousUntil != null && now.isBefore(previousUntil)
        ? java.util.List.of(secret, previousSecret) : java.util.List.of(secret);
  }
}
