package nl.webcare.analytics;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.mention.MentionCount;
import nl.webcare.store.RedisGateway;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

/**
 * Reads the count hashes that {@code count_mention.lua} writes: one {@code HGETALL} per bucket, pipelined. Hours
 * are UTC hours (their start shown in the brand's zone), days the brand's local days, so a day in which the clocks
 * change has 23 or 25 hours and still one bucket.
 */
public final class RedisMarketingCounts implements MarketingCounts {
  private final RedisGateway redis;
  private final ZoneId zone;

  public RedisMarketingCounts(RedisGateway redis, ZoneId zone) {
    this.redis = redis;
    this.zone = zone;
  }

  @Override
  public Future<List<SentimentBucket>> series(Query q) {
    List<ZonedDateTime[]> spans = spans(q);
    List<String> keys = new ArrayList<>();
    for (ZonedDateTime[] span : spans) {
      keys.add(q.interval() == Interval.DAY
          ? redis.keys().countsOfDay(q.brand(), MentionCount.DAY.format(span[0].toLocalDate()))
          : redis.keys().countsOfHour(q.brand(), MentionCount.HOUR.format(span[0].withZoneSameInstant(ZoneOffset.UTC))));
    }
    return redis.call(jedis -> {
      List<Response<Map<String, String>>> answers = new ArrayList<>();
      try (AbstractPipeline pipeline = redis.pipelined(jedis)) {
        keys.forEach(k -> answers.add(pipeline.hgetAll(k)));
        pipeline.sync();
      }
      List<SentimentBucket> out = new ArrayList<>();
      for (int i = 0; i < spans.size(); i++) {
        out.add(bucket(spans.get(i), answers.get(i).get(), q));
      }
      return out;
    });
  }

  @Override
  public Future<List<Topic>> topics(String brand, String label, Instant from, Instant to) {
    List<LocalDate> days = days(from, to);
    long span = days.size();
    List<LocalDate> before = new ArrayList<>();
    for (LocalDate d : days) {
      before.add(d.minusDays(span));
    }
    return redis.call(jedis -> {
      List<Response<Map<String, String>>> now = new ArrayList<>();
      List<Response<Map<String, String>>> then = new ArrayList<>();
      try (AbstractPipeline pipeline = redis.pipelined(jedis)) {
        days.forEach(d -> now.add(pipeline.hgetAll(redis.keys().countsOfDay(brand, MentionCount.DAY.format(d)))));
        before.forEach(d -> then.add(pipeline.hgetAll(redis.keys().countsOfDay(brand, MentionCount.DAY.format(d)))));
        pipeline.sync();
      }
      Map<String, Long> counts = aspectCounts(now, label);
      Map<String, Long> previous = aspectCounts(then, label);
      List<Topic> topics = new ArrayList<>();
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        List<String> examples = new ArrayList<>();
        for (int i = days.size() - 1; i >= 0 && examples.size() < EXAMPLES; i--) {
          for (String id : jedis.lrange(redis.keys().aspectExamples(brand, MentionCount.DAY.format(days.get(i)),
              e.getKey()), 0, EXAMPLES - 1)) {
            if (examples.size() < EXAMPLES && !examples.contains(id)) {
              examples.add(id);
            }
          }
        }
        topics.add(new Topic(e.getKey(), e.getValue(), previous.getOrDefault(e.getKey(), 0L), examples));
      }
      topics.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count())
          : a.aspect().compareTo(b.aspect()));
      return topics;
    });
  }

  private static final int EXAMPLES = 5;
  /** Phrases read per day and label: the head of each day's ranking, where its counts are exact enough. */
  private static final int PHRASES_PER_DAY = 100;
  private static final List<String> LABELS = List.of("positive", "neutral", "negative");

  @Override
  public Future<List<Phrase>> phrases(String brand, String label, Instant from, Instant to, int limit) {
    List<LocalDate> days = days(from, to);
    List<String> labels = label == null ? LABELS : List.of(label);
    return redis.call(jedis -> {
      Map<String, Long> now = phraseCounts(jedis, brand, days, labels, 0);
      Map<String, Long> before = phraseCounts(jedis, brand, days, labels, days.size());
      return now.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(limit).map(e -> new Phrase(e.getKey(), e.getValue(), before.getOrDefault(e.getKey(), 0L))).toList();
    });
  }

  private Map<String, Long> phraseCounts(redis.clients.jedis.UnifiedJedis jedis, String brand, List<LocalDate> days,
      List<String> labels, long daysBack) {
    List<Response<List<redis.clients.jedis.resps.Tuple>>> answers = new ArrayList<>();
    try (AbstractPipeline pipeline = redis.pipelined(jedis)) {
      for (LocalDate d : days) {
        for (String l : labels) {
          answers.add(pipeline.zrevrangeWithScores(redis.keys().phrasesOfDay(brand,
              MentionCount.DAY.format(d.minusDays(daysBack)), l), 0, PHRASES_PER_DAY - 1));
        }
      }
      pipeline.sync();
    }
    Map<String, Long> counts = new HashMap<>();
    answers.forEach(a -> a.get().forEach(t -> counts.merge(t.getElement(), (long) t.getScore(), Long::sum)));
    return counts;
  }

  private static Map<String, Long> aspectCounts(List<Response<Map<String, String>>> days, String label) {
    Map<String, Long> out = new HashMap<>();
    for (Response<Map<String, String>> day : days) {
      for (Map.Entry<String, String> f : day.get().entrySet()) {
        String[] parts = f.getKey().split("\\|");
        if (parts.length == 3 && parts[0].equals("a") && (label == null || label.equals(parts[2]))) {
          out.merge(parts[1], Long.parseLong(f.getValue()), Long::sum);
        }
      }
    }
    return out;
  }

  private List<LocalDate> days(Instant from, Instant to) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate day = from.atZone(zone).toLocalDate();
    while (day.atStartOfDay(zone).toInstant().isBefore(to)) {
      days.add(day);
      day = day.plusDays(1);
    }
    return days;
  }

  /** The buckets' starts and ends, oldest first. */
  private List<ZonedDateTime[]> spans(Query q) {
    List<ZonedDateTime[]> spans = new ArrayList<>();
    if (q.interval() == Interval.DAY) {
      LocalDate day = q.from().atZone(zone).toLocalDate();
      while (day.atStartOfDay(zone).toInstant().isBefore(q.to())) {
        spans.add(new ZonedDateTime[] {day.atStartOfDay(zone), day.plusDays(1).atStartOfDay(zone)});
        day = day.plusDays(1);
      }
    } else {
      Instant hour = q.from().truncatedTo(ChronoUnit.HOURS);
      while (hour.isBefore(q.to())) {
        spans.add(new ZonedDateTime[] {hour.atZone(zone), hour.plus(1, ChronoUnit.HOURS).atZone(zone)});
        hour = hour.plus(1, ChronoUnit.HOURS);
      }
    }
    return spans;
  }

  private static SentimentBucket bucket(ZonedDateTime[] span, Map<String, String> fields, Query q) {
    long positive = 0;
    long neutral = 0;
    long negative = 0;
    double score = 0;
    long reach = 0;
    Map<String, Long> triage = new HashMap<>();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      String[] parts = f.getKey().split("\\|");
      if (parts.length < 4 || !matches(parts[1], q.channel()) || !matches(parts[2], q.language())) {
        continue;
      }
      String label = parts[3];
      switch (parts[0]) {
        case "n" -> {
          long n = Long.parseLong(f.getValue());
          if (label.equals("positive")) {
            positive += n;
          } else if (label.equals("negative")) {
            negative += n;
          } else {
            neutral += n;
          }
        }
        case "s" -> score += Double.parseDouble(f.getValue());
        case "r" -> reach += Long.parseLong(f.getValue());
        case "t" -> {
          if (parts.length == 5) {
            triage.merge(parts[4], Long.parseLong(f.getValue()), Long::sum);
          }
        }
        default -> { }
      }
    }
    return new SentimentBucket(span[0], span[1], positive, neutral, negative, score, reach, triage);
  }

  private static boolean matches(String value, String wanted) {
    return wanted == null || wanted.equalsIgnoreCase(value);
  }
}
