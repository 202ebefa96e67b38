package nl.webcare.worklist;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The written confirmation of a hand-off to a private channel, in the customer's language (Dutch, else
 * English): what happens next, when, what was agreed and the reference to quote. Times are written in
 * the brand's zone.
 */
public final class HandoffConfirmation {
  public static final java.util.Set<String> CHANNELS = java.util.Set.of("dm", "phone", "email", "chat");
  private static final Map<String, String> NL = Map.of("dm", "sturen we u een privébericht", "phone", "bellen we u",
      "email", "mailen we u", "chat", "nemen we via de chat contact met u op");
  private static final Map<String, String> EN = Map.of("dm", "we will send you a direct message", "phone",
      "we will call you", "email", "we will e-mail you", "chat", "we will contact you through the chat");

  private HandoffConfirmation() {}

  public static String text(String language, String customer, String channel, Instant when, String agreement,
      String caseRef, String agent, ZoneId zone) {
    boolean dutch = "nl".equals(language);
    Locale locale = dutch ? Locale.forLanguageTag("nl-NL") : Locale.ENGLISH;
    String at = when == null ? (dutch ? "zo snel mogelijk" : "as soon as we can")
        : DateTimeFormatter.ofPattern(dutch ? "'op' d MMMM yyyy 'om' HH:mm" : "'on' d MMMM yyyy 'at' HH:mm", locale)
            .format(when.atZone(zone));
    String name = customer == null || customer.isBlank() ? "" : " " + customer;
    String end = agreement.endsWith(".") ? "" : ".";
    if (dutch) {
      return "Beste" + name + ", zoals afgesproken " + NL.get(channel) + " " + at + ". Wat we hebben afgesproken: "
          + agreement + end + " Uw referentie is " + caseRef + ". Met vriendelijke groet, " + agent;
    }
    return "Dear" + name + ", as agreed, " + EN.get(channel) + " " + at + ". What we agreed: " + agreement + end
        + " Your reference is " + caseRef + ". Kind regards, " + agent;
  }
}
