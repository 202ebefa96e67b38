package nl.webcare.mention;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a stored mention adds to the marketing counts: one mention of a brand on a channel in a language with a
 * label, its score, its reach (the author's followers, when the source gives them) and its triage class, in the
 * hour (UTC) and the day (in the brand's time zone) it was published, and the aspects it is about. Written with the
 * mention, once.
 */
public record MentionCount(String brand, String channel, String language, SentimentLabel label, double score,
    long reach, TriageClass triageClass, Instant at, java.util.List<String> aspects, java.util.List<String> phrases) {

  public MentionCount {
    aspects = aspects == null ? java.util.List.of() : java.util.List.copyOf(aspects);
    phrases = phrases == null ? java.util.List.of() : java.util.List.copyOf(phrases);
  }

  public static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH", Locale.ROOT);
  public static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
  /** What stands for a missing channel or language in a count's field. */
  public static final String UNKNOWN = "unknown";

  /**
   * The count of a scored mention: published at its own time unless that lies in the future (a clock that is
   * wrong), brand and channel as read, language as detected when the source set none.
   */
  public static MentionCount of(ScoredMention scored, TriageClass triageClass) {
    return of(scored, triageClass, java.util.List.of(), java.util.List.of());
  }

  /**
   * As above, about these aspects (delivery, billing ...) and holding these phrases (noun phrases or content
   * words), which the day's topic counts add up.
   */
  public static MentionCount of(ScoredMention scored, TriageClass triageClass, java.util.List<String> aspects,
      java.util.List<String> phrases) {
    Mention m = scored.mention();
    Instant at = m.publishedAt().isAfter(scored.scoredAt()) ? scored.scoredAt() : m.publishedAt();
    Long followers = m.details().authorFollowers();
    String language = m.language() != null ? m.language() : scored.sentiment().language();
    return new MentionCount(m.brand() == null ? UNKNOWN : m.brand(), m.channel(), language,
        scored.sentiment().label(), scored.sentiment().score(), followers == null ? 0 : Math.max(0, followers),
        triageClass, at, aspects, phrases);
  }

  /** The hour bucket's name: the UTC hour, so that hours never repeat or vanish with daylight saving. */
  public String hour() {
    return HOUR.format(ZonedDateTime.ofInstant(at, ZoneId.of("UTC")));
  }

  /** The UTC day of the minute counts that the spike detector reads (yyyy-MM-dd). */
  public String utcDay() {
    return DAY.format(at.atZone(ZoneOffset.UTC).toLocalDate());
  }

  /** The minute of the UTC day, 0 to 1439. */
  public int minuteOfUtcDay() {
    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
    return utc.getHour() * 60 + utc.getMinute();
  }

  public boolean negative() {
    return label == SentimentLabel.NEGATIVE;
  }

  /** The channel as counted (lower case, never empty). */
  public String channelPart() {
    return part(channel);
  }

  /** The day bucket's name: the local date in the brand's zone. */
  public String day(ZoneId zone) {
    return DAY.format(at.atZone(zone).toLocalDate());
  }

  /** The part of a hash field that says what was counted: channel|language|label. */
  public String dimensions() {
    return part(channel) + "|" + part(language) + "|" + label.wire();
  }

  private static String part(String value) {
    return value == null || value.isBlank() ? UNKNOWN : value.toLowerCase(Locale.ROOT).replace('|', '_');
  }
}
