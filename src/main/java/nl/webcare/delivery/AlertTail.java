package nl.webcare.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import nl.webcare.alerts.Alert;
import nl.webcare.alerts.RedisAlertFeed;
import nl.webcare.store.RedisGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The one reader of new alerts in a process: a thread of its own with a Redis connection of its own, blocked in
 * {@code XREAD BLOCK} on the alert stream, so that neither the event loop nor the shared pool ever waits for an
 * alert. Whatever it reads it hands to its listeners (live streams, the webhook dispatcher), each of which moves
 * the work onto its own event loop. When Redis goes away it reconnects and reads on from the last id it saw, so
 * nothing raised meanwhile is skipped.
 */
public final class AlertTail implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertTail.class);
  private static final int BLOCK_MS = 5_000;
  private static final int BATCH = 500;
  private static final long RECONNECT_MS = 1_000;

  private final RedisGateway redis;
  private final List<Consumer<List<Alert>>> listeners = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile String position;
  private volatile Jedis connection;

  public AlertTail(RedisGateway redis) {
    this.redis = redis;
    this.thread = new Thread(this::run, "webcare-alert-tail");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Called with every batch of new alerts, on the tail's thread: hand the work to your own context. */
  public void listen(Consumer<List<Alert>> listener) {
    listeners.add(listener);
  }

  public void unlisten(Consumer<List<Alert>> listener) {
    listeners.remove(listener);
  }

  /** The id of the newest alert this reader has seen (what a new live stream starts after), or null before the first read. */
  public String position() {
    return position;
  }

  private void run() {
    while (running) {
      try (Jedis jedis = redis.dedicatedConnection(BLOCK_MS, redis.keys().alertStream())) {
        connection = jedis;
        if (position == null) {
          List<StreamEntry> newest = jedis.xrevrange(redis.keys().alertStream(), "+", "-", 1);
          position = newest.isEmpty() ? "0-0" : newest.get(0).getID().toString();
        }
        while (running) {
          List<Map.Entry<String, List<StreamEntry>>> read = jedis.xread(
              XReadParams.xReadParams().block(BLOCK_MS).count(BATCH),
              Map.of(redis.keys().alertStream(), new StreamEntryID(position)));
          if (read == null || read.isEmpty()) {
            continue;
          }
          List<Alert> alerts = new ArrayList<>();
          for (Map.Entry<String, List<StreamEntry>> stream : read) {
            for (StreamEntry entry : stream.getValue()) {
              alerts.add(RedisAlertFeed.alert(entry));
            }
          }
          if (!alerts.isEmpty()) {
            position = alerts.get(alerts.size() - 1).cursor();
            publish(alerts);
          }
        }
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warn("the live alert reader lost Redis ({}); reading on from {} in a second", e.getMessage(), position);
        sleep();
      } finally {
        connection = null;
      }
    }
  }

  private void publish(List<Alert> alerts) {
    List<Alert> batch = List.copyOf(alerts);
    for (Consumer<List<Alert>> listener : listeners) {
      try {
        listener.accept(batch);
      } catch (RuntimeException e) {
        LOG.warn("a live alert listener failed: {}", e.getMessage());
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(RECONNECT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    Jedis open = connection;
    if (open != null) {
      try {
        // ends the blocked read at once instead of after its block time
        open.disconnect();
      } catch (RuntimeException ignored) {
        // closing anyway
      }
    }
    thread.interrupt();
  }
}
