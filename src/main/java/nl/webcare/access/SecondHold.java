package nl.webcare.access;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a process learnt from Redis lately, held for {@code holdMillis} so that a busy client's requests do not each
 * ask again: at most {@code capacity} entries, the least used dropped first. Thread-safe.
 */
final class SecondHold<V> {
  private record Held<V>(V value, long at) {}

  private final long holdMillis;
  private final java.util.function.LongSupplier clock;
  private final Map<String, Held<V>> held;

  SecondHold(long holdMillis, int capacity, java.util.function.LongSupplier clock) {
    this.holdMillis = holdMillis;
    this.clock = clock;
    this.held = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Held<V>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The time now, by the hold's clock: take it before asking Redis, and give it to {@link #put}. */
  long now() {
    return clock.getAsLong();
  }

  /** The value held for {@code key} if it was learnt less than the hold ago, else null. */
  synchronized V get(String key) {
    Held<V> h = held.get(key);
    return h != null && clock.getAsLong() - h.at() < holdMillis ? h.value() : null;
  }

  /** Holds {@code value}, learnt at {@code at}. */
  synchronized void put(String key, V value, long at) {
    held.put(key, new Held<>(value, at));
  }

  synchronized void remove(String key) {
    held.remove(key);
  }

  synchronized void clear() {
    held.clear();
  }
}
