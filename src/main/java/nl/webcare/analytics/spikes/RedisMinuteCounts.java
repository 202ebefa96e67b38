package nl.webcare.analytics.spikes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * A brand's negative mentions per minute as {@code count_mention.lua} keeps them: one hash per UTC day, read whole
 * ({@code HGETALL}) the first time a minute of that day is asked for and then kept, so that one look at a brand
 * reads each day once for all its channels. Blocking: runs inside a Redis call on a worker thread.
 */
final class RedisMinuteCounts {
  private final UnifiedJedis jedis;
  private final RedisKeys keys;
  private final String brand;
  private final Instant since;
  private final Map<LocalDate, Map<String, String>> days = new HashMap<>();

  RedisMinuteCounts(UnifiedJedis jedis, RedisKeys keys, String brand, Instant since) {
    this.jedis = jedis;
    this.keys = keys;
    this.brand = brand;
    this.since = since;
  }

  /** The counts over all channels ({@code channel} null) or on one. */
  MinuteCounts of(String channel) {
    return new MinuteCounts() {
      @Override
      public long[] perMinute(Instant from, int minutes) {
        long[] out = new long[minutes];
        for (int i = 0; i < minutes; i++) {
          var at = from.plus(Duration.ofMinutes(i)).atZone(ZoneOffset.UTC);
          String field = (at.getHour() * 60 + at.getMinute()) + (channel == null ? "" : "|" + channel);
          String value = day(at.toLocalDate()).get(field);
          out[i] = value == null ? 0 : Long.parseLong(value);
        }
        return out;
      }

      @Override
      public Instant since() {
        return since;
      }
    };
  }

  private Map<String, String> day(LocalDate day) {
    return days.computeIfAbsent(day, d -> jedis.hgetAll(keys.negativeMinutes(brand,
        DateTimeFormatter.ISO_LOCAL_DATE.format(d))));
  }
}
