package nl.webcare.alerts;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.webcare.mention.Mention;
import nl.webcare.mention.ScoredMention;
import nl.webcare.triage.Triage;

/** What an alert entry carries besides its type, case and time: enough to act on without a second call. */
public final class AlertFields {
  private AlertFields() {}

  public static Map<String, String> of(ScoredMention scored, Triage.Decision decision, int excerptChars) {
    Mention m = scored.mention();
    Map<String, String> f = new LinkedHashMap<>();
    put(f, "brand", m.brand());
    put(f, "source", m.source());
    put(f, "channel", m.channel());
    put(f, "author", m.author());
    put(f, "url", m.url());
    put(f, "language", m.language());
    put(f, "rating", m.rating() == null ? null : m.rating().toString());
    f.put("label", scored.sentiment().label().wire());
    f.put("score", Double.toString(scored.sentiment().score()));
    f.put("urgency", Double.toString(decision.urgency()));
    f.put("triageClass", decision.triageClass().wire());
    f.put("publishedAt", Long.toString(m.publishedAt().toEpochMilli()));
    String text = m.fullText();
    f.put("excerpt", text.length() <= excerptChars ? text : text.substring(0, excerptChars - 1) + "…");
    return f;
  }

  private static void put(Map<String, String> f, String key, String value) {
    if (value != null) {
      f.put(key, value);
    }
  }
}
