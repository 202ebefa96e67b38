package nl.webcare.analytics.spikes;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** The spikes raised, for the marketing routes. Every future fails when the store cannot be reached. */
public interface SpikeLog {
  /** Spikes that began from {@code from} to {@code to}, newest first; one brand's, or every brand's when null. */
  Future<List<Spike>> list(String brand, Instant from, Instant to, int limit);

  /** The spike, or null. */
  Future<Spike> find(String spikeId);
}
