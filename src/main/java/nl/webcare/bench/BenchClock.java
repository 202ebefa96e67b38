package nl.webcare.bench;

import java.time.Instant;

/** Wall-clock time in microseconds, comparable across the processes of one machine (Redis stream ids are its milliseconds). */
final class BenchClock {
  private BenchClock() {}

  static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }
}
