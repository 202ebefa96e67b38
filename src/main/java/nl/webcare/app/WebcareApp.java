package nl.webcare.app;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.webcare.api.ApiVerticle;
import nl.webcare.config.WebcareConfig;
import nl.webcare.connector.ConnectorContext;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorDefinitionLoader;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.ConnectorTypes;
import nl.webcare.connector.PollerVerticle;
import nl.webcare.connector.http.HttpFetcher;
import nl.webcare.delivery.AlertTail;
import nl.webcare.pipeline.SourceRoles;
import nl.webcare.delivery.RetryPolicy;
import nl.webcare.delivery.StreamSlots;
import nl.webcare.delivery.WebhookDispatcher;
import nl.webcare.delivery.WebhookMessages;
import nl.webcare.delivery.WebhookSender;
import nl.webcare.delivery.WebhookUrls;
import nl.webcare.connector.ReplyChannels;
import nl.webcare.connector.http.OutboundGuard;
import nl.webcare.connector.push.PushSource;
import nl.webcare.demo.DemoConnectors;
import nl.webcare.demo.DemoFeedVerticle;
import nl.webcare.metrics.BacklogGauges;
import nl.webcare.metrics.WebcareMetrics;
import nl.webcare.pipeline.MentionScorer;
import nl.webcare.triage.MentionAssessor;
import nl.webcare.pipeline.PeriodicVerticle;
import nl.webcare.pipeline.ScorerVerticle;
import nl.webcare.pipeline.SlaWatcher;
import nl.webcare.pipeline.SnoozeWaker;
import nl.webcare.sentiment.SentimentAnalyzer;
import nl.webcare.store.EmbeddedRedisServer;
import nl.webcare.store.RedisGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Webcare: starts its parts in a flat chain (Redis, connectors, demo feeds, HTTP API,
 * sentiment model, scorer, pollers) and stops them in reverse. Any failure fails the start with a
 * message that says which part and why.
 */
public final class WebcareApp {
  private static final Logger LOG = LoggerFactory.getLogger(WebcareApp.class);
  public static final String PARSER_POOL = "webcare-feed-parsers";
  public static final String SCORING_POOL = "webcare-scoring";

  private final Vertx vertx;
  private final WebcareConfig config;
  private final Supplier<SentimentAnalyzer> analyzerLoader;
  private final String instanceId = InstanceId.create();
  private final List<String> deployments = new ArrayList<>();
  private OutboundGuard outboundGuard;
  private WebhookDispatcher webhooks;
  private AlertTail alertTail;
  /** Filled as connectors start; read by the API when an agent replies. */
  private final ReplyChannels replyChannels = new ReplyChannels();
  private EmbeddedRedisServer embeddedRedis;
  private RedisGateway redis;
  private Components parts;
  /** The demo's own sample-feed server: the one internal address a demo may fetch. */
  private java.net.URI demoFeeds;
  private List<ConnectorDefinition> connectors = List.of();
  private ApiVerticle api;
  private volatile boolean modelLoaded;
  /** Where connector files' {@code ...Env} keys are looked up. */
  private final Map<String, String> environment;
  private final WebcareMetrics metrics;

  private WebcareApp(Vertx vertx, WebcareConfig config, Supplier<SentimentAnalyzer> analyzerLoader,
      Map<String, String> environment, WebcareMetrics metrics) {
    this.metrics = metrics;
    this.vertx = vertx;
    this.config = config;
    this.analyzerLoader = analyzerLoader;
    this.environment = Map.copyOf(environment);
  }

  /** Starts Webcare; {@code analyzerLoader} is called once on a worker (it loads the model). */
  public static Future<WebcareApp> start(Vertx vertx, WebcareConfig config, Supplier<SentimentAnalyzer> analyzerLoader) {
    return start(vertx, config, analyzerLoader, System.getenv());
  }

  /** As {@link #start(Vertx, WebcareConfig, Supplier)}, with the environment that holds connector secrets. */
  public static Future<WebcareApp> start(Vertx vertx, WebcareConfig config, Supplier<SentimentAnalyzer> analyzerLoader,
      Map<String, String> environment) {
    return start(vertx, config, analyzerLoader, environment, WebcareMetrics.standalone());
  }

  /** As above, with the metrics registry that {@code /metrics} serves (shared with Vert.x's own metrics). */
  public static Future<WebcareApp> start(Vertx vertx, WebcareConfig config, Supplier<SentimentAnalyzer> analyzerLoader,
      Map<String, String> environment, WebcareMetrics metrics) {
    WebcareApp app = new WebcareApp(vertx, config, analyzerLoader, environment, metrics);
    return app.connectRedis()
        .compose(v -> app.loadConnectors())
        .compose(v -> app.startApi())
        .compose(v -> app.startWebhooks())
        .compose(v -> app.startScoring())
        .compose(v -> app.startPollers())
        .map(app)
        .recover(e -> app.stop().transform(ignored -> Future.failedFuture(e)));
  }

  public int httpPort() {
    return api.port();
  }

  /** The API's routes, as {@link ApiVerticle#routes()} gives them. */
  public List<String> apiRoutes() {
    return api.routes();
  }

  public RedisGateway redis() {
    return redis;
  }

  public List<ConnectorDefinition> connectors() {
    return connectors;
  }

  private Future<Void> connectRedis() {
    WebcareConfig.Redis settings = config.redis();
    Future<String> url = settings.embedded()
        ? vertx.executeBlocking(() -> {
          embeddedRedis = EmbeddedRedisServer.start(Path.of(settings.embeddedDataDir()), settings.embeddedAppendfsync());
          return embeddedRedis.url();
        }, false)
        : Future.succeededFuture(settings.url());
    return url.compose(u -> {
      redis = RedisGateway.connect(vertx, u, keyPrefix(), settings.poolSize(), settings.timeoutMs());
      return redis.ping()
          .onSuccess(v -> LOG.info("Redis: {} (key prefix \"{}\")", settings.embedded() ? "embedded" : redactedUrl(u),
              keyPrefix()))
          .recover(e -> Future.failedFuture(new IllegalStateException(
              "Redis at " + redactedUrl(u) + " does not answer: " + e.getMessage(), e)))
          .compose(v -> buildComponents());
    });
  }

  /**
   * Every store and service, once; a store of before the hash-tagged key names renamed to them; then every Lua script
   * into Redis, so that a broken one stops the start.
   */
  private Future<Void> buildComponents() {
    try {
      parts = new Components(config, redis, replyChannels, metrics, instanceId);
    } catch (RuntimeException | ExceptionInInitializerError e) {
      Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
      return Future.failedFuture(new IllegalStateException("Webcare's parts could not be built: "
          + cause.getMessage(), cause));
    }
    return new nl.webcare.store.KeyTagMigration(redis).run()
        .recover(e -> Future.failedFuture(new IllegalStateException("the keys of before could not be renamed to their"
            + " hash-tagged names (" + e.getMessage() + "); Webcare does not start on a half-renamed store", e)))
        .compose(renamed -> parts.loadScripts());
  }

  /**
   * A demo keeps its data, and its well-known admin key, under a prefix of its own: on a Redis that holds a
   * brand's real cases the two never mix, and a normal start never sees the demo's key.
   */
  private String keyPrefix() {
    String prefix = config.redis().keyPrefix();
    return config.demo().enabled() ? prefix + DemoConnectors.KEY_PREFIX : prefix;
  }

  private Future<Void> loadConnectors() {
    ConnectorDefinitionLoader loader = new ConnectorDefinitionLoader(ConnectorTypes.discover());
    return vertx.executeBlocking(() -> loader.loadDirectory(Path.of(config.connectors().dir())), false)
        .compose(fromFiles -> {
          connectors = new ArrayList<>(fromFiles);
          if (!config.demo().enabled()) {
            return Future.succeededFuture();
          }
          DemoFeedVerticle demo = new DemoFeedVerticle(config.demo().port());
          return deploy(demo, new DeploymentOptions()).onSuccess(v -> {
            demoFeeds = java.net.URI.create(demo.baseUrl());
            connectors.addAll(DemoConnectors.definitions(demo.baseUrl(), config.demo().pollInterval()));
            LOG.info("demo mode: sample feeds served on {}", demo.baseUrl());
          });
        })
        .onSuccess(v -> LOG.info("{} connector(s) configured", connectors.size()));
  }

  private Future<Void> startApi() {
    try {
      outboundGuard = buildOutboundGuard();
    } catch (IllegalStateException e) {
      return Future.failedFuture(e);
    }
    alertTail = new AlertTail(redis);
    alertTail.start();
    api = new ApiVerticle(config.http(), services());
    String adminKey = config.auth().adminKey();
    if (adminKey == null && config.demo().enabled()) {
      adminKey = DemoConnectors.DEMO_ADMIN_KEY;
      LOG.warn("demo mode without WEBCARE_ADMIN_KEY: the admin API key is \"{}\"; never use it outside a demo",
          adminKey);
    } else if (adminKey == null) {
      LOG.warn("no WEBCARE_ADMIN_KEY: keys made earlier still work, but no admin key was set at this start");
    }
    Future<Void> bootstrap = (adminKey == null ? Future.<Void>succeededFuture() : parts.keys.bootstrapAdmin(adminKey))
        .compose(v -> config.demo().enabled() ? Future.succeededFuture() : revokeDemoKey());
    // Not fatal: old keys only misorder the worklist, and the next start tries again.
    Future<Integer> rekeyed = parts.priorityKeyMigration.run()
        .onSuccess(n -> {
          if (n > 0) {
            LOG.info("{} case(s) given sort keys of the current priority formula (urgency plus age)", n);
          }
        })
        .recover(e -> {
          LOG.warn("could not rewrite old worklist sort keys ({}); the next start tries again", e.getMessage());
          return Future.succeededFuture(0);
        });
    return Future.all(bootstrap, rekeyed).compose(v -> deploy(api, new DeploymentOptions()));
  }

  /**
   * Builds before demo data had a prefix of their own stored the demo key with the real ones: a normal start
   * revokes it wherever it is found.
   */
  private Future<Void> revokeDemoKey() {
    return parts.keys.find(DemoConnectors.DEMO_ADMIN_KEY).compose(found -> {
      if (found == null) {
        return Future.succeededFuture();
      }
      LOG.warn("the demo admin key was stored with this Redis's keys; revoked (API key id {})", found.id());
      return parts.keys.revoke(found.id()).mapEmpty();
    });
  }

  private ApiVerticle.Services services() {
    return new ApiVerticle.Services(parts.caseViews, parts.caseWork, parts.caseReplies, parts.mentions, parts.alerts,
        parts.templates, parts.slaReports, parts.authors, parts.keys, parts.authFailures,
        new ApiVerticle.Operations(parts.connectorStatuses, connectors.stream().map(ConnectorDefinition::name).toList(),
            parts.scoringQueue),
        new ApiVerticle.Ingest(pushSources(), parts.ingestRates, parts.inbox, parts.connectorStatuses),
        new ApiVerticle.Health(redis::ping, () -> modelLoaded), config.worklist().teams(), metrics,
        new ApiVerticle.Delivery(parts.subscriptions, parts.deliveryState, new WebhookUrls(vertx, outboundGuard),
            alertTail, new StreamSlots(redis, config.delivery().streamsPerKey(),
                config.delivery().streamHeartbeat().multipliedBy(3)), config.delivery()),
        new ApiVerticle.Analytics(new nl.webcare.analytics.RedisMarketingCounts(redis, config.worklist().timezone()),
            parts.spikes, config.worklist().timezone(), connectors.stream().filter(d -> d.brand() != null)
                .collect(java.util.stream.Collectors.toMap(ConnectorDefinition::brand, ConnectorDefinition::competitor,
                    (a, b) -> a && b, java.util.TreeMap::new))),
        new ApiVerticle.Performance(new nl.webcare.performance.WorklistServiceFigures(parts.worklist, config.sla(),
            config.worklist().timezone(), vertx),
            parts.surveys, config.worklist().timezone(), config.service().analystsSeeAgents()),
        new nl.webcare.access.RedisSessions(redis, java.time.Duration.ofHours(12)),
        new ApiVerticle.Learning(parts.labelRecorder, parts.teamLabels, parts.models));
  }

  /**
   * Webhook delivery, in every process (each subscription is delivered by one process at a time, by lease). Its
   * own HTTP client: a pool large enough that every subscription can have its one request in flight to the same
   * host (Slack, Teams), so that a slow receiver never queues the others behind it.
   */
  private Future<Void> startWebhooks() {
    WebcareConfig.Delivery settings = config.delivery();
    HttpClient http = vertx.createHttpClient(new HttpClientOptions(),
        new io.vertx.core.http.PoolOptions().setHttp1MaxSize(256).setMaxWaitQueueSize(1024));
    HttpFetcher fetcher = new HttpFetcher(vertx, http, outboundGuard, (int) settings.webhookTimeout().toMillis(),
        settings.webhookMaxResponseBytes());
    WebhookSender sender = new WebhookSender(fetcher, new WebhookMessages(settings.publicUrl(),
        config.worklist().timezone()));
    webhooks = new WebhookDispatcher(parts.subscriptions, parts.deliveryState, parts.alerts, sender, parts.keys, redis,
        instanceId, new WebhookDispatcher.Settings(settings.refreshEvery(), settings.idlePoll(),
            settings.lease(), new RetryPolicy(settings.webhookFirstRetry(), settings.webhookMaxRetry(),
                settings.webhookGiveUp())));
    return deploy(webhooks, new DeploymentOptions()).onSuccess(v -> alertTail.listen(batch -> webhooks.wake()));
  }

  /** The one guard of every outbound request; the demo's sample-feed server is the only internal host it adds. */
  private OutboundGuard buildOutboundGuard() {
    OutboundGuard guard;
    try {
      guard = OutboundGuard.allowing(config.outbound().allowHosts());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    return demoFeeds != null ? guard.allowingEndpoint(demoFeeds.getHost(), demoFeeds.getPort()) : guard;
  }

  /** The enabled push sources with their secrets; a secret that is not set stops the start, naming it. */
  private List<PushSource> pushSources() {
    ConnectorTypes types = ConnectorTypes.discover();
    return connectors.stream()
        .filter(d -> d.enabled() && !types.get(d.type()).polled())
        .map(d -> PushSource.of(d, environment))
        .toList();
  }

  private Future<Void> startScoring() {
    long started = System.nanoTime();
    WebcareConfig.Background every = config.background();
    return vertx.executeBlocking(analyzerLoader::get, false).compose(analyzer -> {
      modelLoaded = true;
      LOG.info("sentiment model loaded in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      WorkerExecutor pool = vertx.createSharedWorkerExecutor(SCORING_POOL, config.scoring().workers(), 2, TimeUnit.MINUTES);
      MentionScorer scorer = new MentionScorer(parts.scoringQueue, parts.mentions, parts.worklist, parts.router,
          new MentionAssessor(analyzer, parts.triage), pool, config.scoring().maxAttempts(), new SourceRoles(connectors),
          nl.webcare.sentiment.AspectLexicon.load(), config.spikes().tightenSla() ? parts.activeSpikes
              : new nl.webcare.analytics.spikes.ActiveSpikes(), config.learning().enabled() ? parts.liveModels : null);
      MentionAssessor features = new MentionAssessor(analyzer, parts.triage);
      return deploy(new ScorerVerticle(parts.scoringQueue, scorer, config.scoring(), instanceId), new DeploymentOptions())
          .compose(v -> deploy(new PeriodicVerticle("housekeeping", every.housekeepingEvery(),
              parts.housekeeping::sweep), new DeploymentOptions()))
          .compose(v -> deploy(new PeriodicVerticle("waking snoozed cases", every.watchEvery(),
              new SnoozeWaker(parts.worklist)::wakeDue), new DeploymentOptions()))
          .compose(v -> deploy(new PeriodicVerticle("SLA watch", every.watchEvery(),
              new SlaWatcher(parts.slaWatch, metrics)::check), new DeploymentOptions()))
          .compose(v -> deploy(new PeriodicVerticle("backlog gauges", every.watchEvery(),
              new BacklogGauges(redis, metrics, config.worklist().teams())::refresh), new DeploymentOptions()))
          .compose(v -> deploy(new PeriodicVerticle("sentiment recovery", every.housekeepingEvery(),
              new nl.webcare.performance.RecoveryWatch(parts.worklist, parts.mentions,
                  config.service().recoveryWindow(), java.time.Clock.systemUTC())::measureDue), new DeploymentOptions()))
          .compose(v -> config.learning().enabled() ? deploy(new PeriodicVerticle("learning from the team",
              config.learning().checkEvery(), () -> parts.liveModels.refresh().compose(x -> new nl.webcare.learning
                  .Retraining(vertx, parts.teamLabels, parts.models, text -> pool.executeBlocking(() ->
                      nl.webcare.learning.TriageFeatures.of(text, features.assess(nl.webcare.mention.Mention.ofText(
                          "learning", Integer.toHexString(text.hashCode()), text))), false),
                      new nl.webcare.learning.Retraining.Settings(config.learning().minNewLabels(),
                          java.time.Duration.ofMinutes(30)), instanceId).round())
                  .compose(trained -> trained.isEmpty() ? Future.succeededFuture() : parts.liveModels.refresh())),
              new DeploymentOptions()) : Future.succeededFuture())
          .compose(v -> config.learning().enabled() ? deploy(new PeriodicVerticle("reading the current models",
              java.time.Duration.ofSeconds(30), parts.liveModels::refresh), new DeploymentOptions())
              : Future.succeededFuture())
          .compose(v -> config.spikes().enabled() ? deploy(new PeriodicVerticle("spike watch",
              config.spikes().checkEvery(), spikeWatcher()::check), new DeploymentOptions())
              : Future.succeededFuture());
    });
  }

  private nl.webcare.pipeline.SpikeWatcher spikeWatcher() {
    WebcareConfig.Spikes s = config.spikes();
    return new nl.webcare.pipeline.SpikeWatcher(parts.spikes, parts.worklist,
        new nl.webcare.analytics.spikes.SpikeDetector(new nl.webcare.analytics.spikes.SpikeDetector.Settings(
            s.sensitivity(), s.minCount(), s.baselineFloor()), config.worklist().timezone()),
        parts.activeSpikes, s, parts.triage.formula());
  }

  private Future<Void> startPollers() {
    // redirects are followed by HttpFetcher, hop by hop through the guard, never by the client
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDecompressionSupported(true));
    WorkerExecutor parsers = vertx.createSharedWorkerExecutor(PARSER_POOL, config.background().parserWorkers(), 1,
        TimeUnit.MINUTES);
    ConnectorContext context = new ConnectorContext(vertx, http, parsers, config.connectors(), parts.readBudgets,
        environment, outboundGuard);
    ConnectorTypes types = ConnectorTypes.discover();
    Future<Void> chain = Future.succeededFuture();
    for (ConnectorDefinition definition : connectors) {
      chain = chain.compose(v -> parts.connectorStatuses.register(definition)).compose(v -> {
        if (!definition.enabled() || !types.get(definition.type()).polled()) {
          return Future.succeededFuture();
        }
        var connector = types.get(definition.type()).create(definition, context);
        try {
          connector.replyChannel().ifPresent(channel -> replyChannels.register(definition.name(), channel));
        } catch (ConnectorException e) {
          LOG.warn("connector {}: replies through the channel are off: {}", definition.name(), e.getMessage());
        }
        return deploy(new PollerVerticle(connector, parts.inbox, parts.cursors, parts.connectorStatuses, parts.lease,
            config.connectors().retryMax()), new DeploymentOptions().setThreadingModel(ThreadingModel.EVENT_LOOP));
      });
    }
    return chain;
  }

  private Future<Void> deploy(io.vertx.core.Deployable verticle, DeploymentOptions options) {
    return vertx.deployVerticle(verticle, options).onSuccess(deployments::add).mapEmpty();
  }

  /** Stops every part this app started, newest first; never fails. */
  public Future<Void> stop() {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.compose(v -> vertx.undeploy(id).otherwiseEmpty());
    }
    deployments.clear();
    return chain.compose(v -> vertx.executeBlocking(() -> {
      if (alertTail != null) {
        alertTail.close();
      }
      if (redis != null) {
        redis.close();
      }
      if (embeddedRedis != null) {
        embeddedRedis.close();
      }
      return null;
    }, false)).otherwiseEmpty().mapEmpty();
  }

  private static String redactedUrl(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }
}
