package nl.webcare.mention;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One thing somebody said about a brand, as a connector found it, before scoring.
 *
 * @param id           stable id derived from (source, externalId), see {@link #idFor}
 * @param source       the connector instance that found it (its name); dedup key part one
 * @param channel      the kind of place it was said (appstore, rss, atom, x, ...)
 * @param brand        the brand the connector watches
 * @param externalId   the id the source gives it (guid, entry id, tweet id); dedup key part two
 * @param author       display name or handle, may be null when the source has none
 * @param title        a review's or post's title, may be null
 * @param text         the body as plain text, never null (may be empty)
 * @param url          link back to the original, may be null
 * @param publishedAt  when it was said (the fetch time when the source does not say)
 * @param language     ISO 639-1 code when the source says, else null
 * @param rating       star rating 1..5 for reviews, else null
 * @param productVersion app or product version a review is about, else null
 * @param details      handle, reach, thread and engagement where the channel reports them; never null
 */
public record Mention(
    String id,
    String source,
    String channel,
    String brand,
    String externalId,
    String author,
    String title,
    String text,
    String url,
    Instant publishedAt,
    String language,
    Integer rating,
    String productVersion,
    MentionDetails details) {

  public Mention {
    details = details == null ? MentionDetails.NONE : details;
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(publishedAt, "publishedAt");
    if (rating != null && (rating < 1 || rating > 5)) {
      throw new IllegalArgumentException("rating must be 1..5, got " + rating);
    }
  }

  /** A mention of a source that knows nothing beyond the text, author, link and rating. */
  public Mention(String id, String source, String channel, String brand, String externalId, String author,
      String title, String text, String url, Instant publishedAt, String language, Integer rating,
      String productVersion) {
    this(id, source, channel, brand, externalId, author, title, text, url, publishedAt, language, rating,
        productVersion, MentionDetails.NONE);
  }

  /** This mention with another publication time. */
  public Mention withPublishedAt(Instant at) {
    return new Mention(id, source, channel, brand, externalId, author, title, text, url, at, language, rating,
        productVersion, details);
  }

  /**
   * The mention id: the first 20 hex digits of SHA-256 over source and external id. Deterministic so
   * that the same item polled twice, by any process, maps to the same id and is stored once.
   */
  public static String idFor(String source, String externalId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(source.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(externalId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** A mention that is only a text, for the offline commands and benchmarks: no author, link or brand. */
  public static Mention ofText(String source, String externalId, String text) {
    return new Mention(idFor(source, externalId), source, source, null, externalId, null, null, text, null,
        Instant.now(), null, null, null);
  }

  /** Title and body as one text, the way a reader sees a review. */
  public String fullText() {
    if (title == null || title.isBlank() || text.startsWith(title)) {
      return text;
    }
    return text.isBlank() ? title : title + ". " + text;
  }
}
