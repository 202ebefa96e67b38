package nl.webcare.delivery;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.webcare.alerts.Alert;
import nl.webcare.connector.RateLimitedException;
import nl.webcare.connector.http.HttpFetcher;
import nl.webcare.connector.http.HttpStatusException;

/**
 * Sends one alert to one webhook: the body in the subscription's format, signed as Standard Webhooks 1.0 asks
 * ({@code webhook-id} = the alert's id, the same on every retry, so that receivers drop repeats;
 * {@code webhook-timestamp} = this attempt's time; {@code webhook-signature} with every secret in force). It goes
 * through the project's one outbound path: the guard at connect time, no redirects, a deadline and a capped answer.
 */
public final class WebhookSender {
  /** What the receiver answered. */
  public record Answer(boolean delivered, int status, long latencyMs, Instant retryAt, String error) {
    boolean gone() {
      return status == 410;
    }
  }

  private final HttpFetcher http;
  private final WebhookMessages messages;

  public WebhookSender(HttpFetcher http, WebhookMessages messages) {
    this.http = http;
    this.messages = messages;
  }

  /** The webhook-id of an alert: stable over retries and restarts. */
  static String messageId(Alert alert) {
    return "msg_" + alert.cursor();
  }

  public Future<Answer> send(Subscription s, Alert alert) {
    Instant now = Instant.now();
    String body = messages.body(s, alert, now);
    String id = messageId(alert);
    long timestamp = now.getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", WebhookSignature.header(s.signingSecrets(now), id, timestamp, body));
    long started = System.nanoTime();
    return http.postJson(s.url(), headers, body).map(ok -> answer(true, ok.status(), started, null, null))
        .recover(error -> Future.succeededFuture(failed(error, started)));
  }

  private static Answer failed(Throwable error, long started) {
    if (error instanceof RateLimitedException limited) {
      return answer(false, 429, started, limited.retryAt(), error.getMessage());
    }
    if (error instanceof HttpStatusException status) {
      return answer(false, status.status(), started, status.retryAt(), error.getMessage());
    }
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return answer(false, 0, started, null, message.replace("the source", "the receiver").replace("source ", "receiver "));
  }

  private static Answer answer(boolean delivered, int status, long started, Instant retryAt, String error) {
    return new Answer(delivered, status, (System.nanoTime() - started) / 1_000_000, retryAt, error);
  }
}
