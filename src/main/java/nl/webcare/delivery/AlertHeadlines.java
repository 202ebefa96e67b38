package nl.webcare.delivery;

import io.vertx.core.json.JsonObject;

/**
 * What an alert says to a person, in one line, in English or Dutch: the title of a chat message and of a feed
 * entry ("New complaint WC-4F7K2 on x", "SLA breached: first response of WC-4F7K2").
 */
public final class AlertHeadlines {
  private AlertHeadlines() {}

  /** What happened, in a line: "New complaint WC-4F7K2 on x (urgency 0.82)". */
  public static String of(JsonObject data, String type, boolean nl) {
    String id = data.getString("caseId", "");
    String triage = data.getString("triageClass");
    String what = triage == null ? "" : " " + triageName(triage, nl);
    return switch (type) {
      case "case.opened" -> (nl ? "Nieuwe zaak" : "New case") + what + " " + id + on(data, nl);
      case "case.joined" -> (nl ? "Nieuw bericht in zaak " : "New message in case ") + id + on(data, nl);
      case "case.reopened" -> (nl ? "Zaak heropend: " : "Case reopened: ") + id + on(data, nl);
      case "case.assigned" -> id + (nl ? " opgepakt door " : " taken by ") + data.getString("assignee", "?");
      case "case.escalated" -> id + (nl ? " geëscaleerd naar " : " escalated to ") + data.getString("team", "?");
      case "case.resolved" -> id + (nl ? " opgelost door " : " resolved by ") + data.getString("by", "?");
      case "case.dismissed" -> id + (nl ? " afgewezen door " : " dismissed by ") + data.getString("by", "?");
      case "sla.breached" -> (nl ? "SLA overschreden: " : "SLA breached: ") + target(data.getString("target"), nl)
          + " " + (nl ? "van " : "of ") + id;
      case "spike.started" -> (nl ? "Piek in negatieve berichten over " : "Spike in negative mentions of ")
          + data.getString("brand", "?") + on(data, nl) + ": " + data.getValue("count", "?")
          + (nl ? " in 15 minuten, verwacht " : " in 15 minutes, expected ") + data.getValue("baseline", "?")
          + about(data, nl);
      case "spike.ended" -> (nl ? "Piek voorbij: " : "Spike over: ") + data.getString("brand", "?") + on(data, nl)
          + (nl ? " (hoogste stand " : " (peak ") + data.getValue("peak", "?") + ")";
      case "subscription.disabled" -> (nl ? "Abonnement gestopt: " : "Subscription stopped: ")
          + data.getString("name", data.getString("subscriptionId", "")) + " (" + data.getString("reason", "") + ")";
      default -> type + (id.isEmpty() ? "" : " " + id);
    };
  }

  private static String about(JsonObject data, boolean nl) {
    String aspects = data.getString("aspects");
    return aspects == null || aspects.isEmpty() ? "" : (nl ? " (over " : " (about ") + aspects.replace(",", ", ") + ")";
  }

  private static String on(JsonObject data, boolean nl) {
    String channel = data.getString("channel");
    return channel == null ? "" : (nl ? " op " : " on ") + channel;
  }

  private static String triageName(String triage, boolean nl) {
    if (!nl) {
      return triage;
    }
    return switch (triage) {
      case "crisis" -> "crisis";
      case "complaint" -> "klacht";
      case "question" -> "vraag";
      case "praise" -> "compliment";
      default -> "melding";
    };
  }

  private static String target(String target, boolean nl) {
    if (target == null) {
      return "";
    }
    return switch (target) {
      case "firstResponse" -> nl ? "eerste reactie" : "first response";
      case "nextReply" -> nl ? "volgende reactie" : "next reply";
      case "resolution" -> nl ? "oplossing" : "resolution";
      default -> target;
    };
  }

}
