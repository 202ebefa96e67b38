package nl.webcare.delivery;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.access.Role;
import nl.webcare.alerts.AlertFilter;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.RedisKeys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Subscriptions as Redis hashes ({@code subscription:{id}}) indexed by creation time, with feed tokens kept as
 * their SHA-256 only. A webhook's cursor starts at the alert stream's newest entry, written with the subscription
 * in one transaction, so that it is delivered everything raised after it was made.
 */
public final class RedisSubscriptionStore implements SubscriptionStore {
  private final RedisGateway redis;
  private final RedisKeys keys;
  private final long alertStreamMaxLength;
  private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  public RedisSubscriptionStore(RedisGateway redis, long alertStreamMaxLength) {
    this.redis = redis;
    this.keys = redis.keys();
    this.alertStreamMaxLength = alertStreamMaxLength;
  }

  @Override
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** Tells the listeners once a change has been written. */
  private <T> Future<T> changed(Future<T> write) {
    return write.onSuccess(done -> listeners.forEach(Runnable::run));
  }

  @Override
  public Future<Issued> create(Subscription draft, String startAfter) {
    return changed(redis.call(jedis -> {
      List<Subscription> all = all(jedis);
      if (all.size() >= MAX_TOTAL) {
        throw new IllegalStateException("Webcare holds " + MAX_TOTAL + " subscriptions, the most it keeps");
      }
      if (all.stream().filter(s -> s.ownerKeyId().equals(draft.ownerKeyId())).count() >= MAX_PER_OWNER) {
        throw new IllegalStateException("this key holds " + MAX_PER_OWNER + " subscriptions, the most one key may");
      }
      String id = Secrets.subscriptionId();
      Instant now = Instant.now();
      String secret = draft.url() != null ? Secrets.webhookSecret() : null;
      Subscription made = new Subscription(id, draft.name(), draft.ownerKeyId(), draft.ownerName(), draft.ownerRole(),
          now, draft.filter(), draft.url(), draft.url() != null ? draft.format() : null, draft.messageLanguage(), secret, null, null, true,
          null, null, false);
      String cursor = startAfter != null ? startAfter : newestAlert(jedis);
      try (var tx = redis.multi(jedis, keys.subscription(id))) {
        tx.hset(keys.subscription(id), fields(made, null));
        tx.zadd(keys.subscriptions(), now.toEpochMilli(), id);
        tx.set(keys.subscriptionCursor(id), cursor);
        tx.exec();
      }
      return new Issued(made, secret, null);
    }));
  }

  private String newestAlert(UnifiedJedis jedis) {
    List<StreamEntry> newest = jedis.xrevrange(keys.alertStream(), "+", "-", 1);
    return newest.isEmpty() ? "0-0" : newest.get(0).getID().toString();
  }

  @Override
  public Future<Subscription> get(String id) {
    return redis.call(jedis -> read(jedis, id));
  }

  @Override
  public Future<List<Subscription>> list(String ownerKeyId) {
    return redis.call(jedis -> all(jedis).stream()
        .filter(s -> ownerKeyId == null || s.ownerKeyId().equals(ownerKeyId)).toList());
  }

  private List<Subscription> all(UnifiedJedis jedis) {
    List<Subscription> out = new ArrayList<>();
    for (String id : jedis.zrange(keys.subscriptions(), 0, -1)) {
      Subscription s = read(jedis, id);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public Future<Issued> update(Subscription changed) {
    return changed(redis.call(jedis -> {
      Subscription before = read(jedis, changed.id());
      if (before == null) {
        return null;
      }
      String secret = before.secret();
      String issued = null;
      if (changed.url() != null && secret == null) {
        secret = issued = Secrets.webhookSecret();
      }
      boolean enabled = changed.enabled();
      Subscription after = new Subscription(before.id(), changed.name(), before.ownerKeyId(), before.ownerName(),
          before.ownerRole(), before.createdAt(), changed.filter(), changed.url(),
          changed.url() != null ? changed.format() : null, changed.messageLanguage(),
          changed.url() != null ? secret : null,
          changed.url() != null ? before.previousSecret() : null, changed.url() != null ? before.previousUntil() : null,
          enabled, enabled ? null : before.enabled() ? "disabled by hand" : before.disabledReason(),
          enabled ? null : before.enabled() ? Instant.now() : before.disabledAt(), before.hasFeedToken());
      String feedToken = jedis.hget(keys.subscription(after.id()), "feedToken");
      try (var tx = redis.multi(jedis, keys.subscription(after.id()))) {
        // rewritten whole: a field that the change removed (the url, a disabled reason) must not linger
        tx.del(keys.subscription(after.id()));
        tx.hset(keys.subscription(after.id()), fields(after, feedToken));
        if (enabled && !before.enabled()) {
          tx.del(keys.subscriptionRetry(after.id()));
        }
        tx.exec();
      }
      return new Issued(after, issued, null);
    }));
  }

  @Override
  public Future<Boolean> delete(String id) {
    return changed(redis.call(jedis -> {
      String token = jedis.hget(keys.subscription(id), "feedToken");
      try (var tx = redis.multi(jedis, keys.subscription(id))) {
        tx.zrem(keys.subscriptions(), id);
        tx.del(keys.subscription(id), keys.subscriptionCursor(id), keys.subscriptionRetry(id),
            keys.subscriptionDeliveries(id), keys.subscriptionRedeliveries(id));
        if (token != null) {
          tx.hdel(keys.subscriptionFeedTokens(), token);
        }
        List<Object> done = tx.exec();
        return Long.valueOf(1L).equals(done.get(0));
      }
    }));
  }

  @Override
  public Future<Issued> rotateSecret(String id, Duration overlap) {
    return changed(redis.call(jedis -> {
      Subscription s = read(jedis, id);
      if (s == null) {
        return null;
      }
      if (!s.isWebhook()) {
        throw new IllegalArgumentException("subscription " + id + " has no webhook url, so no secret to rotate");
      }
      String secret = Secrets.webhookSecret();
      Instant until = Instant.now().plus(overlap);
      jedis.hset(keys.subscription(id), Map.of("secret", secret, "previousSecret", s.secret(),
          "previousUntil", Long.toString(until.toEpochMilli())));
      return new Issued(read(jedis, id), secret, null);
    }));
  }

  @Override
  public Future<Issued> issueFeedToken(String id) {
    return redis.call(jedis -> {
      if (read(jedis, id) == null) {
        return null;
      }
      String token = Secrets.feedToken();
      String sha = Secrets.sha256(token);
      String before = jedis.hget(keys.subscription(id), "feedToken");
      try (var tx = redis.multi(jedis, keys.subscription(id))) {
        if (before != null) {
          tx.hdel(keys.subscriptionFeedTokens(), before);
        }
        tx.hset(keys.subscriptionFeedTokens(), sha, id);
        tx.hset(keys.subscription(id), "feedToken", sha);
        tx.exec();
      }
      return new Issued(read(jedis, id), null, token);
    });
  }

  @Override
  public Future<Boolean> revokeFeedToken(String id) {
    return redis.call(jedis -> {
      String before = jedis.hget(keys.subscription(id), "feedToken");
      if (before == null) {
        return false;
      }
      try (var tx = redis.multi(jedis, keys.subscription(id))) {
        tx.hdel(keys.subscriptionFeedTokens(), before);
        tx.hdel(keys.subscription(id), "feedToken");
        tx.exec();
      }
      return true;
    });
  }

  @Override
  public Future<Subscription> byFeedToken(String token) {
    return redis.call(jedis -> {
      String id = jedis.hget(keys.subscriptionFeedTokens(), Secrets.sha256(token));
      return id == null ? null : read(jedis, id);
    });
  }

  @Override
  public Future<Void> disable(String id, String reason) {
    return changed(redis.call(jedis -> {
      Subscription s = read(jedis, id);
      if (s == null || !s.enabled()) {
        return null;
      }
      String now = Long.toString(Instant.now().toEpochMilli());
      Map<String, String> alert = new LinkedHashMap<>();
      alert.put("type", nl.webcare.alerts.AlertTypes.SUBSCRIPTION_DISABLED);
      alert.put("subscriptionId", id);
      if (s.name() != null) {
        alert.put("name", s.name());
      }
      alert.put("reason", reason);
      alert.put("at", now);
      try (var tx = redis.multi(jedis, keys.subscription(id))) {
        tx.hset(keys.subscription(id), Map.of("enabled", "0", "disabledReason", reason, "disabledAt", now));
        // the admins hear of it on the alert feed, and any subscription to subscription.disabled gets it
        tx.xadd(keys.alertStream(), XAddParams.xAddParams().approximateTrimming()
            .maxLen(alertStreamMaxLength), alert);
        tx.exec();
      }
      return null;
    }));
  }

  private Subscription read(UnifiedJedis jedis, String id) {
    Map<String, String> f = jedis.hgetAll(keys.subscription(id));
    return f.isEmpty() || f.get("ownerKeyId") == null ? null : decode(f);
  }

  static Map<String, String> fields(Subscription s, String feedTokenSha) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("id", s.id());
    put(f, "name", s.name());
    f.put("ownerKeyId", s.ownerKeyId());
    f.put("ownerName", s.ownerName());
    f.put("ownerRole", s.ownerRole().wire());
    f.put("createdAt", Long.toString(s.createdAt().toEpochMilli()));
    f.put("filter", new JsonObject(s.filter().asMap()).encode());
    put(f, "url", s.url());
    put(f, "format", s.format() == null ? null : s.format().wire());
    put(f, "messageLanguage", s.messageLanguage());
    put(f, "secret", s.secret());
    put(f, "previousSecret", s.previousSecret());
    put(f, "previousUntil", s.previousUntil() == null ? null : Long.toString(s.previousUntil().toEpochMilli()));
    f.put("enabled", s.enabled() ? "1" : "0");
    put(f, "disabledReason", s.disabledReason());
    put(f, "disabledAt", s.disabledAt() == null ? null : Long.toString(s.disabledAt().toEpochMilli()));
    put(f, "feedToken", feedTokenSha);
    return f;
  }

  private static void put(Map<String, String> f, String key, String value) {
    if (value != null) {
      f.put(key, value);
    }
  }

  static Subscription decode(Map<String, String> f) {
    JsonObject filter = new JsonObject(f.getOrDefault("filter", "{}"));
    AlertFilter parsed = AlertFilter.read(name -> {
      Object v = filter.getValue(name);
      if (v == null) {
        return List.of();
      }
      return v instanceof JsonArray a ? a.stream().map(Object::toString).toList() : List.of(v.toString());
    });
    return new Subscription(f.get("id"), f.get("name"), f.get("ownerKeyId"), f.get("ownerName"),
        Role.fromWire(f.get("ownerRole")), instant(f.get("createdAt")), parsed, f.get("url"),
        WebhookFormat.fromWire(f.get("format")), f.getOrDefault("messageLanguage", "en"), f.get("secret"), f.get("previousSecret"),
        instant(f.get("previousUntil")), !"0".equals(f.get("enabled")), f.get("disabledReason"),
        instant(f.get("disabledAt")), f.get("feedToken") != null);
  }

  private static Instant instant(String millis) {
    return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
  }
}
