package nl.webcare.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up but realistic series of a brand's negative mentions per minute, with incidents injected where the
 * truth is known: a daily shape (quiet nights, busy office hours, a tail in the evening), quieter weekends, a
 * level that drifts from day to day (log-normal, sigma 0.2), now and then a busy day that is no incident (news,
 * a campaign: 1.5 times the level, one day in fourteen), and Poisson noise on every minute. Incidents start at
 * any hour, last 20 to 180 minutes, ramp up over their first ten, and add 1 to 5 times the expected volume (at
 * least 8 per 15 minutes, so that a night-time incident is still a burst somebody would call one).
 */
final class SyntheticNegatives {
  /** An injected incident: the truth the detector is measured against. */
  record Incident(Instant start, Instant end, double times, boolean daytime) {}

  final Instant start;
  final long[] minutes;
  final List<Incident> incidents = new ArrayList<>();

  /**
   * @param perWindowAtNoon the mean negatives per 15 minutes on a weekday at noon
   * @param incidentsPerWeek injected incidents per week, at random times
   */
  SyntheticNegatives(Instant start, int weeks, double perWindowAtNoon, double incidentsPerWeek, ZoneId zone,
      long seed) {
    this.start = start;
    this.minutes = new long[weeks * 7 * 24 * 60];
    Random random = new Random(seed);
    double[] expected = new double[minutes.length];
    double dayLevel = 1;
    for (int i = 0; i < minutes.length; i++) {
      ZonedDateTime at = start.plus(Duration.ofMinutes(i)).atZone(zone);
      if (i % 1440 == 0) {
        dayLevel = Math.exp(0.2 * random.nextGaussian()) * (random.nextDouble() < 1 / 14.0 ? 1.5 : 1);
      }
      expected[i] = perWindowAtNoon / 15 * dayLevel * hourShape(at.getHour())
          * (at.getDayOfWeek().getValue() >= 6 ? 0.6 : 1);
    }
    int count = (int) Math.round(weeks * incidentsPerWeek);
    for (int n = 0; n < count; n++) {
      int first = random.nextInt(minutes.length - 200);
      int length = 20 + random.nextInt(161);
      double times = 1 + 4 * random.nextDouble();
      for (int i = first; i < Math.min(minutes.length, first + length); i++) {
        double extra = Math.max(8.0 / 15, (times) * expected[i]) * Math.min(1, (i - first + 1) / 10.0);
        expected[i] += extra;
      }
      int hour = start.plus(Duration.ofMinutes(first)).atZone(zone).getHour();
      incidents.add(new Incident(start.plus(Duration.ofMinutes(first)), start.plus(Duration.ofMinutes(first + length)),
          times, hour >= 8 && hour < 22));
    }
    incidents.sort((a, b) -> a.start().compareTo(b.start()));
    for (int i = 0; i < minutes.length; i++) {
      minutes[i] = poisson(expected[i], random);
    }
  }

  /** Share of the noon level by local hour: complaints follow the day. */
  private static double hourShape(int hour) {
    if (hour < 6) {
      return 0.12;
    }
    if (hour < 8) {
      return 0.4;
    }
    if (hour < 17) {
      return 1.0;
    }
    if (hour < 22) {
      return 0.7;
    }
    return 0.3;
  }

  private static long poisson(double mean, Random random) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long k = 0;
    while (product > limit) {
      k++;
      product *= random.nextDouble();
    }
    return k;
  }
}
