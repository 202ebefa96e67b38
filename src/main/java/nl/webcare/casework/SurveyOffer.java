package nl.webcare.casework;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.function.ToIntFunction;
import nl.webcare.config.WebcareConfig;
import nl.webcare.performance.Surveys;
import nl.webcare.worklist.Case;

/**
 * Adds the one-question survey to a closing reply when it may: the survey is on for the case's team and channel,
 * Webcare has a public address for the link, the reply still fits its channel with the link, and the customer was
 * not asked in the configured period. Otherwise the reply goes out as written, and the reason is said.
 */
final class SurveyOffer {
  /** What a survey link is long: base64url of 24 bytes, a dot, base64url of 16 bytes. */
  private static final int TOKEN_CHARS = 55;

  /** The reply to send, whether it carries a survey link, and why not when it does not. */
  record Offer(String text, boolean sent, String reason, String token) {
    static Offer without(String text, String reason) {
      return new Offer(text, false, reason, null);
    }
  }

  private final Surveys surveys;
  private final WebcareConfig.Survey settings;
  private final String publicUrl;

  SurveyOffer(Surveys surveys, WebcareConfig.Survey settings, String publicUrl) {
    this.surveys = surveys;
    this.settings = settings;
    this.publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
  }

  /**
   * @param length how the channel counts a text's length
   * @param max    the most the channel takes
   */
  Future<Offer> offer(Case c, String text, ToIntFunction<String> length, int max) {
    if (!settings.asks(c.team(), c.channel())) {
      return Future.succeededFuture(Offer.without(text, "the survey is off for this team and channel"));
    }
    if (publicUrl.isEmpty()) {
      return Future.succeededFuture(Offer.without(text, "no public address (delivery.publicUrl) for the link"));
    }
    String language = c.language() == null ? "en" : c.language();
    if (length.applyAsInt(withLink(text, language, "x".repeat(TOKEN_CHARS))) > max) {
      return Future.succeededFuture(Offer.without(text, "the reply leaves no room for the survey link"));
    }
    return surveys.invite(c.id(), c.authorKey(), language, Instant.now()).map(invitation -> invitation == null
        ? Offer.without(text, "this customer was asked within the last " + settings.perCustomer().toDays() + " days")
        : new Offer(withLink(text, language, invitation.token()), true, null, invitation.token()));
  }

  /** The reply carrying the offer was not sent: the customer was not asked after all. */
  Future<Void> withdraw(Case c, Offer offer) {
    return offer.sent() ? surveys.withdraw(offer.token(), c.authorKey()) : Future.succeededFuture();
  }

  /** The reply with one line that asks, in the customer's language (Dutch or English). */
  private String withLink(String text, String language, String token) {
    String ask = "nl".equals(language) ? "Hoe hebben we u geholpen? Eén vraag: " : "How did we do? One question: ";
    return text + "\n\n" + ask + publicUrl + "/s/" + token;
  }
}
