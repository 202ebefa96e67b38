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
  /** The same client as {@link #jedis} when {@code REDIS_URL} names a Redis Cluster; null otherwise. */
  private final redis.clients.jedis.RedisClusterClient cluster;
  private final WorkerExecutor workers;
  /** Reads the masters' answers of a cluster pipeline in parallel; null on one node. */
  private final java.util.concurrent.ExecutorService pipelineReaders;
  private final RedisKeys keys;
  /**
   * The primary that holds a key now: fixed for one node; the sentinels' current answer for a watched primary; the
   * master of the key's slot in a cluster.
   */
  private final Function<String, HostAndPort> address;
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
      Function<String, HostAndPort> address,
      java.util.function.IntFunction<DefaultJedisClientConfig> configWithSocketTimeout) {
    this.vertx = vertx;
    this.jedis = jedis;
    this.cluster = jedis instanceof redis.clients.jedis.RedisClusterClient c ? c : null;
    this.pipelineReaders = cluster == null ? null : java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "webcare-redis-pipeline");
      t.setDaemon(true);
      return t;
    });
    this.workers = workers;
    this.keys = keys;
    this.address = address;
    this.configWithSocketTimeout = configWithSocketTimeout;
  }

  /**
   * A connection of its own, outside the pool, for a blocking read (XREAD BLOCK) that would otherwise hold a
   * pooled connection for seconds: its socket timeout is the gateway's plus {@code blockMillis}. The caller owns
   * it, uses it from one thread and closes it. It reaches the node that holds {@code key} (in a cluster, the master
   * of its slot as last learnt), so it serves commands on that key, or on keys of its slot, only.
   */
  public redis.clients.jedis.Jedis dedicatedConnection(int blockMillis, String key) {
    DefaultJedisClientConfig base = configWithSocketTimeout.apply(blockMillis);
    return new redis.clients.jedis.Jedis(address.apply(key), base);
  }

  /** The primary this gateway writes {@code key} to now (for a sentinel URL: as the sentinels last said). */
  public HostAndPort primary(String key) {
    return address.apply(key);
  }

  /** True when Webcare runs on a Redis Cluster. */
  public boolean clustered() {
    return cluster != null;
  }

  /**
   * A MULTI ... EXEC transaction over keys of one slot, {@code slotKey}'s: on one node the client's own; in a cluster
   * on a connection to the master of that slot (Jedis' cluster client has no MULTI, since a transaction cannot span
   * nodes). Every key the transaction touches must share {@code slotKey}'s hash tag (see {@link RedisKeys}); close it
   * after EXEC (or to discard it).
   */
  public redis.clients.jedis.AbstractTransaction multi(UnifiedJedis client, String slotKey) {
    if (cluster == null) {
      return client.multi();
    }
    redis.clients.jedis.Connection connection = cluster.getConnectionFromSlot(
        redis.clients.jedis.util.JedisClusterCRC16.getSlot(slotKey));
    return new redis.clients.jedis.Transaction(connection, true, true);
  }

  /**
   * A pipeline: on one node the client's own; in a cluster one that sends each command to its slot's master and
   * reads the masters' answers in parallel on a pool shared by every pipeline (Jedis' cluster pipeline otherwise
   * starts threads of its own for every sync: measured in bench-cluster, a stored mention cost six times as much).
   */
  public redis.clients.jedis.AbstractPipeline pipelined(UnifiedJedis client) {
    return cluster == null ? client.pipelined() : cluster.pipelined(pipelineReaders);
  }

  /**
   * Every key that matches {@code pattern}, page by page (SCAN, never KEYS): on one node its keyspace; in a cluster
   * every master's in turn (a replica holds nothing its master does not).
   */
  public static void scanKeys(UnifiedJedis client, String pattern, java.util.function.Consumer<List<String>> page) {
    forEachMaster(client, node -> scanNode(node, pattern, page));
  }

  /** Runs {@code work} on the one node, or on a connection to each master of a cluster in turn. */
  private static void forEachMaster(UnifiedJedis client,
      java.util.function.Consumer<? super redis.clients.jedis.commands.JedisCommands> work) {
    if (!(client instanceof redis.clients.jedis.RedisClusterClient c)) {
      work.accept(client);
      return;
    }
    for (redis.clients.jedis.ConnectionPool pool : c.getClusterNodes().values()) {
      try (redis.clients.jedis.Connection connection = pool.getResource()) {
        redis.clients.jedis.Jedis node = new redis.clients.jedis.Jedis(connection);
        if (node.role().get(0).equals("master")) {
          work.accept(node);
        }
      }
    }
  }

  private static void scanNode(redis.clients.jedis.commands.KeyCommands node, String pattern,
      java.util.function.Consumer<List<String>> page) {
    String cursor = redis.clients.jedis.params.ScanParams.SCAN_POINTER_START;
    do {
      redis.clients.jedis.resps.ScanResult<String> found = node.scan(cursor,
          new redis.clients.jedis.params.ScanParams().match(pattern).count(1000));
      if (!found.getResult().isEmpty()) {
        page.accept(found.getResult());
      }
      cursor = found.getCursor();
    } while (!cursor.equals(redis.clients.jedis.params.ScanParams.SCAN_POINTER_START));
  }

  public static RedisGateway connect(Vertx vertx, String url, String keyPrefix, int poolSize, int timeoutMs) {
    RedisUrl where = RedisUrl.parse(url);
    // a builder each: one shared builder, changed for every blocking lane, could hand one lane another's timeout
    java.util.function.IntFunction<DefaultJedisClientConfig> dedicated = extra -> clientConfig(where,
        timeoutMs + extra, timeoutMs, "webcare-blocking");
    DefaultJedisClientConfig pooledConfig = clientConfig(where, timeoutMs, timeoutMs, "webcare");
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(poolSize);
    pool.setMaxIdle(poolSize);
    WorkerExecutor workers = vertx.createSharedWorkerExecutor(WORKER_POOL, poolSize, 30, TimeUnit.SECONDS);
    if (where.cluster()) {
      // any node names the rest; Jedis follows MOVED and a failover by itself, and learns the slots anew every
      // few seconds so that a dedicated connection asks the right master
      redis.clients.jedis.RedisClusterClient client = redis.clients.jedis.RedisClusterClient.builder()
          .nodes(new java.util.HashSet<>(where.hosts()))
          .clientConfig(pooledConfig)
          .poolConfig(pool)
          .maxAttempts(5)
          .maxTotalRetriesDuration(java.time.Duration.ofMillis(Math.max(2L * timeoutMs, 5_000)))
          .topologyRefreshPeriod(java.time.Duration.ofSeconds(5))
          .build();
      return new RedisGateway(vertx, client, workers, new RedisKeys(keyPrefix), key -> {
        try (redis.clients.jedis.Connection c = client.getConnectionFromSlot(
            redis.clients.jedis.util.JedisClusterCRC16.getSlot(key))) {
          return c.getHostAndPort();
        }
      }, dedicated);
    }
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
      return new RedisGateway(vertx, client, workers, new RedisKeys(keyPrefix), key -> client.getCurrentMaster(),
          dedicated);
    }
    HostAndPort address = where.hosts().get(0);
    RedisClient client = RedisClient.builder()
        .hostAndPort(address)
        .clientConfig(pooledConfig)
        .poolConfig(pool)
        .build();
    return new RedisGateway(vertx, client, workers, new RedisKeys(keyPrefix), key -> address, dedicated);
  }

  /** How to reach a data node of {@code where} (a cluster's URL names database 0 only: RedisUrl refuses others). */
  private static DefaultJedisClientConfig clientConfig(RedisUrl where, int socketTimeoutMs, int connectTimeoutMs,
      String clientName) {
    return DefaultJedisClientConfig.builder()
        .socketTimeoutMillis(socketTimeoutMs)
        .connectionTimeoutMillis(connectTimeoutMs)
        .ssl(where.tls())
        .clientName(clientName)
        .user(where.user())
        .password(where.password())
        .database(where.database())
        .build();
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
   * @param key         the key the reads are about: the lane's connection goes to the node that holds it
   */
  public <T> Future<T> callBlocking(String lane, int blockMillis, String key,
      Function<redis.clients.jedis.Jedis, T> read) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("Redis gateway is closed"));
    }
    BlockingLane l = lanes.computeIfAbsent(lane, name ->
        new BlockingLane(vertx.createSharedWorkerExecutor("webcare-blocking-" + name, 1)));
    try {
      return l.thread.executeBlocking(() -> {
        redis.clients.jedis.Jedis connection = l.connection;
        if (connection == null) {
          connection = dedicatedConnection(blockMillis, key);
          l.connection = connection;
        }
        redis.clients.jedis.Jedis open = connection;
        return guarded(() -> read.apply(open), () -> {
          l.disconnect();
          relearnSlots();
        });
      }, true);
    } catch (RejectedExecutionException e) {
      return Future.failedFuture(new IllegalStateException("Redis gateway is closed", e));
    }
  }

  /** Runs one or more Jedis calls on the Redis worker pool, unordered so calls run in parallel. */
  public <T> Future<T> call(Function<UnifiedJedis, T> commands) {
    try {
      return workers.executeBlocking(() -> guarded(() -> commands.apply(jedis), this::relearnSlots), false);
    } catch (RejectedExecutionException e) {
      // The pool is closed: Webcare is stopping. Callers treat this like Redis being away.
      return Future.failedFuture(new IllegalStateException("Redis gateway is closed", e));
    }
  }

  /** After a failure in a cluster: ask it again which master serves which slots (a failover moves them). */
  private void relearnSlots() {
    if (cluster != null && !closed) {
      try {
        cluster.refreshClusterTopology();
      } catch (RuntimeException e) {
        LOG.debug("cluster slots not learnt anew: {}", e.getMessage());
      }
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
      if (t instanceof redis.clients.jedis.exceptions.JedisConnectionException
          // a cluster moving slots (failover, resharding): MOVED/ASK on a transaction's or a lane's own connection,
          // or the cluster client's retries used up
          || t instanceof redis.clients.jedis.exceptions.JedisRedirectionException
          || t instanceof redis.clients.jedis.exceptions.JedisClusterOperationException) {
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

  /**
   * Runs a Lua script by its SHA, loading it once when the server does not know it yet (after a restart). Its keys
   * must lie in one slot (a cluster refuses a script that spans slots): checked here on every server, so that a key
   * outside the script's hash tag fails every test, not only those run on a cluster.
   */
  public Object evalScript(UnifiedJedis redis, LuaScript script, List<String> keyList, List<String> args) {
    RedisKeys.requireOneSlot(script.name(), keyList);
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
          // on every master of a cluster: a script runs on the master of its keys' slot, whichever that is
          forEachMaster(redis, node -> {
            if (node instanceof redis.clients.jedis.Jedis master) {
              master.scriptLoad(script.source());
            } else {
              ((UnifiedJedis) node).scriptLoad(script.source());
            }
          });
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
    if (pipelineReaders != null) {
      pipelineReaders.shutdownNow();
    }
  }
}
