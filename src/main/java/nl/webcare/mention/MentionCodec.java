package nl.webcare.mention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.vertx.core.json.JsonArray;

/**
 * Records to Redis field maps and back: the one place where mentions meet their stored form. Absent
 * values are left out of the map rather than stored as empty strings.
 */
public final class MentionCodec {
  private MentionCodec() {}

  public static Map<String, String> mentionFields(Mention m) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("id", m.id());
    f.put("source", m.source());
    putIfPresent(f, "channel", m.channel());
    putIfPresent(f, "brand", m.brand());
    f.put("externalId", m.externalId());
    putIfPresent(f, "author", m.author());
    putIfPresent(f, "title", m.title());
    f.put("text", m.text());
    putIfPresent(f, "url", m.url());
    f.put("publishedAt", Long.toString(m.publishedAt().toEpochMilli()));
    putIfPresent(f, "language", m.language());
    putIfPresent(f, "rating", m.rating() == null ? null : m.rating().toString());
    putIfPresent(f, "productVersion", m.productVersion());
    MentionDetails d = m.details();
    putIfPresent(f, "authorHandle", d.authorHandle());
    putIfPresent(f, "authorFollowers", text(d.authorFollowers()));
    putIfPresent(f, "authorVerified", text(d.authorVerified()));
    putIfPresent(f, "conversationId", d.conversationId());
    putIfPresent(f, "inReplyTo", d.inReplyTo());
    putIfPresent(f, "engagement", text(d.engagement()));
    putIfPresent(f, "recommends", text(d.recommends()));
    return f;
  }

  /** Reads a mention back; throws {@link IllegalArgumentException} naming the field that is wrong. */
  public static Mention mention(Map<String, String> f) {
    String id = required(f, "id");
    String rating = f.get("rating");
    return new Mention(id, required(f, "source"), f.get("channel"), f.get("brand"), required(f, "externalId"),
        f.get("author"), f.get("title"), required(f, "text"), f.get("url"),
        Instant.ofEpochMilli(parseLong(f, "publishedAt")), f.get("language"),
        rating == null ? null : Integer.valueOf(rating), f.get("productVersion"), details(f));
  }

  private static MentionDetails details(Map<String, String> f) {
    String followers = f.get("authorFollowers");
    String verified = f.get("authorVerified");
    String engagement = f.get("engagement");
    String recommends = f.get("recommends");
    return new MentionDetails(f.get("authorHandle"), followers == null ? null : Long.valueOf(followers),
        verified == null ? null : Boolean.valueOf(verified), f.get("conversationId"), f.get("inReplyTo"),
        engagement == null ? null : Integer.valueOf(engagement), recommends == null ? null : Boolean.valueOf(recommends));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  public static Map<String, String> scoredFields(ScoredMention scored) {
    Map<String, String> f = mentionFields(scored.mention());
    SentimentResult s = scored.sentiment();
    f.put("label", s.label().wire());
    f.put("score", Double.toString(s.score()));
    f.put("probabilities", encodeProbabilities(s.probabilities()));
    f.put("detectedLanguage", s.language());
    f.put("truncated", Boolean.toString(s.truncated()));
    f.put("sentences", encodeSentences(s.sentences()));
    f.put("cues", new JsonArray(s.cues()).encode());
    f.put("scoredAt", Long.toString(scored.scoredAt().toEpochMilli()));
    return f;
  }

  public static ScoredMention scoredMention(Map<String, String> f) {
    SentimentLabel label = SentimentLabel.fromWire(required(f, "label"));
    if (label == null) {
      throw new IllegalArgumentException("field label has an unknown value " + f.get("label"));
    }
    List<String> cues = new ArrayList<>();
    new JsonArray(f.getOrDefault("cues", "[]")).forEach(cue -> cues.add(String.valueOf(cue)));
    SentimentResult sentiment = new SentimentResult(label, Double.parseDouble(required(f, "score")),
        decodeProbabilities(f.get("probabilities")), f.getOrDefault("detectedLanguage", "und"),
        decodeSentences(f.getOrDefault("sentences", "")), cues, Boolean.parseBoolean(f.get("truncated")));
    return new ScoredMention(mention(f), sentiment, Instant.ofEpochMilli(parseLong(f, "scoredAt")));
  }

  /**
   * The stored form's short names: a mention is kept as one string of JSON with these names (its id is in the key),
   * not as a hash whose long text makes Redis keep it as a table of separate entries. Measured: README, "Memory".
   */
  private static final Map<String, String> SHORT = Map.ofEntries(Map.entry("source", "s"), Map.entry("channel", "c"),
      Map.entry("brand", "b"), Map.entry("externalId", "x"), Map.entry("author", "a"), Map.entry("title", "ti"),
      Map.entry("text", "t"), Map.entry("url", "u"), Map.entry("publishedAt", "p"), Map.entry("language", "l"),
      Map.entry("rating", "r"), Map.entry("productVersion", "v"), Map.entry("authorHandle", "h"),
      Map.entry("authorFollowers", "f"), Map.entry("authorVerified", "av"), Map.entry("conversationId", "ci"),
      Map.entry("inReplyTo", "ir"), Map.entry("engagement", "e"), Map.entry("recommends", "rc"),
      Map.entry("label", "L"), Map.entry("score", "S"), Map.entry("probabilities", "P"),
      Map.entry("detectedLanguage", "dl"), Map.entry("truncated", "tr"), Map.entry("sentences", "se"),
      Map.entry("cues", "cu"), Map.entry("scoredAt", "sa"));
  private static final Map<String, String> LONG = inverse(SHORT);

  private static Map<String, String> inverse(Map<String, String> names) {
    Map<String, String> out = new java.util.HashMap<>();
    names.forEach((longName, shortName) -> out.put(shortName, longName));
    return Map.copyOf(out);
  }

  /** A scored mention's fields in their stored form: one JSON string, short names, the id left out (it is the key's). */
  public static String pack(Map<String, String> fields) {
    io.vertx.core.json.JsonObject json = new io.vertx.core.json.JsonObject();
    fields.forEach((name, value) -> {
      if ("id".equals(name) || ("truncated".equals(name) && "false".equals(value))) {
        return;
      }
      String shortName = SHORT.get(name);
      if (shortName == null) {
        throw new IllegalArgumentException("no stored name for mention field " + name);
      }
      json.put(shortName, value);
    });
    return json.encode();
  }

  /** The fields of a stored string, by their long names, with the id from its key. */
  public static Map<String, String> unpack(String id, String stored) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("id", id);
    new io.vertx.core.json.JsonObject(stored).forEach(e -> {
      String longName = LONG.get(e.getKey());
      if (longName != null && e.getValue() != null) {
        f.put(longName, String.valueOf(e.getValue()));
      }
    });
    return f;
  }

  /** "class:score:pNegative:pNeutral:pPositive" per sentence, separated by ';': compact. */
  static String encodeSentences(List<SentenceSentiment> sentences) {
    StringBuilder out = new StringBuilder();
    for (SentenceSentiment s : sentences) {
      if (!out.isEmpty()) {
        out.append(';');
      }
      out.append(s.sentimentClass()).append(':').append(String.format(Locale.ROOT, "%.4f", s.score()))
          .append(':').append(encodeProbabilities(s.probabilities()).replace(',', ':'));
    }
    return out.toString();
  }

  static String encodeProbabilities(Probabilities p) {
    return String.format(Locale.ROOT, "%.4f,%.4f,%.4f", p.negative(), p.neutral(), p.positive());
  }

  static Probabilities decodeProbabilities(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return Probabilities.UNKNOWN;
    }
    String[] parts = encoded.split("[,:]");
    return new Probabilities(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
  }

  static List<SentenceSentiment> decodeSentences(String encoded) {
    List<SentenceSentiment> sentences = new ArrayList<>();
    if (encoded.isEmpty()) {
      return sentences;
    }
    String[] parts = encoded.split(";");
    for (int i = 0; i < parts.length; i++) {
      String[] cells = parts[i].split(":", 3);
      sentences.add(new SentenceSentiment(i, Integer.parseInt(cells[0]), Double.parseDouble(cells[1]),
          cells.length > 2 ? decodeProbabilities(cells[2]) : Probabilities.UNKNOWN));
    }
    return sentences;
  }

  private static void putIfPresent(Map<String, String> f, String key, String value) {
    if (value != null) {
      f.put(key, value);
    }
  }

  private static String required(Map<String, String> f, String key) {
    String value = f.get(key);
    if (value == null) {
      throw new IllegalArgumentException("stored mention lacks field " + key);
    }
    return value;
  }

  private static long parseLong(Map<String, String> f, String key) {
    try {
      return Long.parseLong(required(f, key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("field " + key + " is not a number: " + f.get(key));
    }
  }
}
