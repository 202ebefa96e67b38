package nl.webcare.delivery;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.webcare.access.ApiKeyStore;
import nl.webcare.alerts.AlertFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers every webhook subscription's alerts, at least once and in order, from any number of Webcare processes.
 * Every few seconds it reads the subscriptions and takes the lease of each enabled webhook nobody delivers; for each
 * it holds, one {@link WebhookWorker} walks the alert stream from the subscription's own cursor. Workers are
 * independent: a receiver that is slow or down holds up its own subscription only (at most one request in flight
 * each, with the sender's deadline).
 */
public final class WebhookDispatcher extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  /** How the dispatcher runs: how often it looks for subscriptions, how long an idle worker waits. */
  public record Settings(Duration refreshEvery, Duration idlePoll, Duration leaseTtl, RetryPolicy retries) {}

  private final SubscriptionStore subscriptions;
  private final DeliveryState state;
  private final AlertFeed alerts;
  private final WebhookSender sender;
  private final ApiKeyStore keys;
  private final SubscriptionLease lease;
  private final Settings settings;
  private final Map<String, WebhookWorker> workers = new HashMap<>();
  private long refreshTimer = -1;
  private long renewTimer = -1;
  private boolean refreshing;
  /** A change arrived while a refresh was reading: read once more when it ends. */
  private boolean refreshAgain;
  /** The dispatcher's event loop: wake() comes from the live reader's thread and hops onto it. */
  private volatile io.vertx.core.Context home;

  public WebhookDispatcher(SubscriptionStore subscriptions, DeliveryState state, AlertFeed alerts,
      WebhookSender sender, ApiKeyStore keys, nl.webcare.store.RedisGateway redis, String instanceId,
      Settings settings) {
    this.subscriptions = subscriptions;
    this.state = state;
    this.alerts = alerts;
    this.sender = sender;
    this.keys = keys;
    this.lease = new SubscriptionLease(redis, instanceId, settings.leaseTtl());
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    home = context;
    subscriptions.onChange(() -> home.runOnContext(v -> refresh()));
    refreshTimer = vertx.setPeriodic(1, settings.refreshEvery().toMillis(), id -> refresh());
    renewTimer = vertx.setPeriodic(lease.renewEvery().toMillis(), id -> renewLeases());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(refreshTimer);
    vertx.cancelTimer(renewTimer);
    List<Future<Boolean>> released = workers.keySet().stream().map(id -> lease.release(id)
        .otherwise(false)).toList();
    workers.values().forEach(WebhookWorker::stop);
    workers.clear();
    return Future.join(released);
  }

  /** New alerts were raised: idle workers look at once instead of at their next poll. */
  public void wake() {
    io.vertx.core.Context here = home;
    if (here != null) {
      here.runOnContext(v -> workers.values().forEach(WebhookWorker::kick));
    }
  }

  private void refresh() {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    subscriptions.list(null).compose(this::adopt)
        .onFailure(e -> LOG.warn("webhook subscriptions could not be read, will retry: {}", e.getMessage()))
        .onComplete(ar -> {
          refreshing = false;
          if (refreshAgain) {
            refreshAgain = false;
            refresh();
          }
        });
  }

  private Future<Void> adopt(List<Subscription> all) {
    Set<String> wanted = new HashSet<>();
    Future<Void> chain = Future.succeededFuture();
    for (Subscription s : all) {
      if (!s.isWebhook() || !s.enabled()) {
        continue;
      }
      wanted.add(s.id());
      WebhookWorker running = workers.get(s.id());
      if (running != null && !running.stopped()) {
        running.update(s);
        continue;
      }
      workers.remove(s.id());
      chain = chain.compose(v -> ownerStillValid(s)).compose(valid -> valid ? lease.acquire(s.id())
          : Future.succeededFuture(false)).map(held -> {
            if (held && !workers.containsKey(s.id())) {
              WebhookWorker worker = new WebhookWorker(vertx, s, state, alerts, sender, subscriptions,
                  settings.retries(), settings.idlePoll());
              workers.put(s.id(), worker);
              worker.kick();
            }
            return null;
          });
    }
    for (String id : Set.copyOf(workers.keySet())) {
      if (!wanted.contains(id)) {
        stopWorker(id);
      }
    }
    return chain;
  }

  /** A subscription whose key was revoked stops: nobody may receive alerts on a key that no longer exists. */
  private Future<Boolean> ownerStillValid(Subscription s) {
    return keys.byId(s.ownerKeyId()).compose(owner -> {
      if (owner != null) {
        return Future.succeededFuture(true);
      }
      // stopped before it is disabled: disabling raises an alert, which its own worker must not deliver
      stopWorker(s.id());
      LOG.info("webhook subscription {} disabled: the key that made it was revoked", s.id());
      return subscriptions.disable(s.id(), "the API key that made it was revoked").map(false);
    });
  }

  /** Renews the leases held, and stops a subscription whose key was revoked since it was adopted. */
  private void renewLeases() {
    for (Map.Entry<String, WebhookWorker> held : Map.copyOf(workers).entrySet()) {
      String id = held.getKey();
      lease.acquire(id).onSuccess(still -> {
        if (!still) {
          LOG.info("webhook subscription {} is delivered by another process now", id);
          stopWorker(id);
        }
      });
      ownerStillValid(held.getValue().subscription()).onSuccess(valid -> {
        if (!valid) {
          stopWorker(id);
        }
      });
    }
  }

  private void stopWorker(String id) {
    WebhookWorker worker = workers.remove(id);
    if (worker != null) {
      worker.stop();
      lease.release(id);
    }
  }

  /** For tests and the benchmark: the subscriptions this process delivers now. */
  public Set<String> delivering() {
    return Set.copyOf(workers.keySet());
  }
}
