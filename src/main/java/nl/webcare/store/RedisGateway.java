package nl.webcare.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.URI;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The one way to talk to Redis: runs Jedis calls on the named worker pool "webcare-redis", never on
 * the event loop. Jedis is blocking; a call that cannot reach Redis fails its future with the
 * Jedis exception after the socket timeout, which callers report and retry.
 */
public final class RedisGateway implements AutoCloseable {
  public static final String WORKER_POOL = "webcare-redis";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RedisGateway.class);
  private static final long QUIET_MS = 2_000;
  private final java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile long lastFailure;
  private final redis.clients.jedis.UnifiedJedis jedis;
  private final WorkerExecutor workers;
  private final RedisKeys keys;
  /** The primary now: fixed for one node; the sentinels' current answer for a watched primary. */
  private final java.util.function.Supplier<HostAndPort> address;
  private final java.util.function.IntFunction<DefaultJedisClientConfig> configWithSocketTimeout;
  private final Vertx vertx;
  private final java.util.Map<String, BlockingLane> lanes = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile boolean closed;

  /** A thread and a connection of their own for reads that wait inside Redis; the connection is made on first use. */
  private static final class BlockingLane {
    final WorkerExecutor thread;
    volatile redis.clients.jedis.Jedis connection;

    BlockingLane(WorkerExecutor thread) {
      this.thread = thread;
    }

    void disconnect() {
      redis.clients.jedis.Jedis open = connection;
      connection = null;
      if (open != null) {
        try {
          open.close();
        } catch (RuntimeException ignored) {
          // a broken connection is dropped either way
        }
      }
    }
  }

  private RedisGateway(Vertx vertx, redis.clients.jedis.UnifiedJedis jedis, WorkerExecutor workers, RedisKeys keys,
      java.util.function.Supplier<HostAndPort> address,
      java.util.function.IntFunction<DefaultJedisClientConfig> configWithSocketTimeout) {
    this.vertx = vertx;
    this.jedis = jedis;
    this.workers = workers;
    this.keys = keys;
    this.address = address;
    this.configWithSocketTimeout = configWithSocketTimeout;
  }

  /**
   * A connection of its own, outside the pool, for a blocking read (XREAD BLOCK) that would otherwise hold a
   * pooled connection for seconds: its socket timeout is the gateway's plus {@code blockMillis}. The caller owns
   * it, uses it from one thread and closes it.
   */
  public redis.clients.jedis.Jedis dedicatedConnection(int blockMillis) {
    DefaultJedisClientConfig base = configWithSocketTimeout.apply(blockMillis);
    return new redis.clients.jedis.Jedis(address.get(), base);
  }

  /** The primary this gateway writes to now (for a sentinel URL: as the sentinels last said). */
  public HostAndPort primary() {
    return address.get();
  }

  public static RedisGateway connect(Vertx vertx, String url, String keyPrefix, int poolSize, int timeoutMs) {
    RedisUrl where = RedisUrl.parse(url);
    DefaultJedisClientConfig.Builder clientConfig = DefaultJedisClientConfig.builder()
        .socketTimeoutMillis(timeoutMs)
        .connectionTimeoutMillis(timeoutMs)
        .ssl(where.tls())
        .clientName("webcare")
        .user(where.user())
        .password(where.password())
        .database(where.database());
    java.util.function.IntFunction<DefaultJedisClientConfig> dedicated = extra -> clientConfig
        .socketTimeoutMillis(timeoutMs + extra).clientName("webcare-blocking").build();
    DefaultJedisClientConfig pooledConfig = clientConfig.build();
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(poolSize);
    pool.setMaxIdle(poolSize);
    WorkerExecutor workers = vertx.createSharedWorkerExecutor(WORKER_POOL, poolSize, 30, TimeUnit.SECONDS);
    if (where.sentinel()) {
      // the sentinels name the primary; Jedis follows a failover by itself, and a dedicated connection asks anew
      redis.clients.jedis.RedisSentinelClient client = redis.clients.jedis.RedisSentinelClient.builder()
          .masterName(where.masterName())
          .sentinels(new java.util.HashSet<>(where.hosts()))
          .clientConfig(pooledConfig)
          .sentinelClientConfig(DefaultJedisClientConfig.builder().socketTimeoutMillis(timeoutMs)
              .connectionTimeoutMillis(timeoutMs).clientName("webcare-sentinel").build())
          .poolConfig(pool)
          .build();
      return new RedisGateway(vertx, client, workers, new RedisKeys(keyPrefix), client::getCurrentMaster, dedicated);
    }
    HostAndPort address = where.hosts().get(0);
    RedisClient client = RedisClient.builder()
        .hostAndPort(address)
        .clientConfig(pooledConfig)
        .poolConfig(pool)
        .build();
    return new RedisGateway(vertx, client, workers, new RedisKeys(keyPrefix), () -> address, dedicated);
  }

  public RedisKeys keys() {
    return keys;
  }

  /**
   * Runs a read that waits inside Redis (XREADGROUP ... BLOCK) on the lane's own thread and connection, so that it
   * neither holds a pooled connection nor a pool thread while it waits, and answers the moment data comes. Calls on
   * one lane run one after the other. A lost connection is dropped and made again at the next call; the failure is an
   * outage like any other ({@link StoreUnavailableException}).
   *
   * @param blockMillis the longest wait a call asks Redis for: the connection's socket timeout is the gateway's plus this
   */
  public <T> Future<T> callBlocking(String lane, int blockMillis, Function<redis.clients.jedis.Jedis, T> read) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("Redis gateway is closed"));
    }
    BlockingLane l = lanes.computeIfAbsent(lane, name ->
        new BlockingLane(vertx.createSharedWorkerExecutor("webcare-blocking-" + name, 1)));
    try {
      return l.thread.executeBlocking(() -> {
        redis.clients.jedis.Jedis connection = l.connection;
        if (connection == null) {
          connection = dedicatedConnection(blockMillis);
          l.connection = connection;
        }
        redis.clients.jedis.Jedis open = connection;
        return guarded(() -> read.apply(open), l::disconnect);
      }, true);
    } catch (RejectedExecutionException e) {
      return Future.failedFuture(new IllegalStateException("Redis gateway is closed", e));
    }
  }

  /** Runs one or more Jedis calls on the Redis worker pool, unordered so calls run in parallel. */
  public <T> Future<T> call(Function<UnifiedJedis, T> commands) {
    try {
      return workers.executeBlocking(() -> guarded(() -> commands.apply(jedis), () -> { }), false);
    } catch (RejectedExecutionException e) {
      // The pool is closed: Webcare is stopping. Callers treat this like Redis being away.
      return Future.failedFuture(new IllegalStateException("Redis gateway is closed", e));
    }
  }

  /**
   * Runs Jedis calls and keeps the outage state: a success may end an outage; a failure that means Redis cannot serve
   * begins one (unless the gateway is closing), runs {@code onUnreachable} (drop a broken connection) and becomes a
   * {@link StoreUnavailableException}; any other failure is the caller's and passes as it is.
   */
  private <T> T guarded(java.util.function.Supplier<T> calls, Runnable onUnreachable) {
    try {
      T result = calls.get();
      outage(false, null);
      return result;
    } catch (redis.clients.jedis.exceptions.JedisException e) {
      if (unreachable(e)) {
        onUnreachable.run();
        if (!closed) {
          outage(true, e.getMessage());
        }
        throw new StoreUnavailableException(e);
      }
      throw e;
    }
  }

  /**
   * True when Redis cannot serve right now, whatever the command: unreachable or timed out, still loading its data,
   * a read-only replica, out of memory, busy with a script, or without its master. Such a failure is an outage, not
   * an error of the caller's.
   */
  static boolean unreachable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof redis.clients.jedis.exceptions.JedisConnectionException) {
        return true;
      }
      String message = t.getMessage();
      if (t instanceof redis.clients.jedis.exceptions.JedisDataException && message != null
          && UNAVAILABLE_REPLIES.stream().anyMatch(message::startsWith)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The error replies of a Redis that cannot serve for a while (the first word of its answer). A transaction whose
   * queued writes were refused (OOM, READONLY) ends in EXECABORT without the reason, so it counts too: Webcare's
   * own transactions queue only commands whose syntax the tests hold.
   */
  private static final java.util.List<String> UNAVAILABLE_REPLIES = java.util.List.of("LOADING", "READONLY", "OOM",
      "BUSY", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS", "EXECABORT");

  /**
   * Logs an outage once when it begins and once when it ends, not once per failed call. Under OOM or READONLY
   * reads still work while writes fail, so the end is a success after {@link #QUIET_MS} without a failure.
   */
  private void outage(boolean failed, String why) {
    long now = System.currentTimeMillis();
    if (failed) {
      lastFailure = now;
      if (down.compareAndSet(false, true)) {
        LOG.warn("Redis cannot serve: {}; answering 503 until it can", why);
      }
    } else if (down.get() && now - lastFailure > QUIET_MS && down.compareAndSet(true, false)) {
      LOG.info("Redis serves again");
    }
  }

  /** Runs a Lua script by its SHA, loading it once when the server does not know it yet (after a restart). */
  public Object evalScript(UnifiedJedis redis, LuaScript script, List<String> keyList, List<String> args) {
    try {
      return redis.evalsha(script.sha(), keyList, args);
    } catch (JedisNoScriptException e) {
      return redis.eval(script.source(), keyList, args);
    }
  }

  /**
   * Loads every script into the server (SCRIPT LOAD), so that one that is missing or does not compile stops the
   * start with its name instead of failing the first case that needs it.
   */
  public Future<Void> loadScripts(java.util.Collection<LuaScript> scripts) {
    return call(redis -> {
      for (LuaScript script : scripts) {
        try {
          redis.scriptLoad(script.source());
        } catch (redis.clients.jedis.exceptions.JedisDataException e) {
          throw new IllegalStateException("Lua script " + script.name() + " does not load: " + e.getMessage(), e);
        }
      }
      return null;
    });
  }

  public Future<Void> ping() {
    return call(redis -> {
      redis.ping();
      return null;
    });
  }

  @Override
  public void close() {
    closed = true;
    // ends the blocked reads at once instead of after their block time
    lanes.values().forEach(l -> {
      l.disconnect();
      l.thread.close();
    });
    jedis.close();
    workers.close();
  }
}
