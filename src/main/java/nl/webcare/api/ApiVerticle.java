package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.util.concurrent.TimeUnit;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import nl.webcare.access.ApiKeyStore;
import nl.webcare.access.AuthFailures;
import nl.webcare.alerts.AlertFeed;
import nl.webcare.casework.CaseReplies;
import nl.webcare.casework.CaseViews;
import nl.webcare.casework.CaseWork;
import nl.webcare.config.WebcareConfig;
import nl.webcare.connector.ConnectorStatusStore;
import nl.webcare.connector.push.IngestRateLimiter;
import nl.webcare.connector.push.PushSource;
import nl.webcare.inbox.MentionInbox;
import nl.webcare.inbox.ScoringQueue;
import nl.webcare.mention.MentionStore;
import nl.webcare.metrics.WebcareMetrics;
import nl.webcare.privacy.AuthorRecords;
import nl.webcare.sla.SlaReports;
import nl.webcare.worklist.ReplyTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API under {@code /api/v1} and the health checks, with one JSON error handler for all. */
public final class ApiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ApiVerticle.class);
  public static final String API_ROOT = "/api/v1";

  /** What the routes read and change: services, each an interface that says how it fails. */
  public record Services(
      CaseViews views,
      CaseWork work,
      CaseReplies replies,
      MentionStore mentions,
      AlertFeed alerts,
      ReplyTemplates templates,
      SlaReports sla,
      AuthorRecords authors,
      ApiKeyStore keys,
      AuthFailures authFailures,
      Operations operations,
      Ingest ingest,
      Health health,
      List<String> teams,
      WebcareMetrics metrics,
      Delivery delivery,
      Analytics analytics,
      Performance performance,
      nl.webcare.access.Sessions sessions,
      Learning learning) {}

  /** The team's corrections, and the labels their work leaves. */
  public record Learning(nl.webcare.casework.Corrections corrections, nl.webcare.learning.TeamLabels labels,
      nl.webcare.learning.ModelStore models) {}

  /** The service report, the zone of its days, and whether analysts see agent names in it. */
  public record Performance(nl.webcare.performance.ServiceFigures figures, nl.webcare.performance.Surveys surveys,
      java.time.ZoneId zone, boolean analystsSeeAgents) {}

  /** The marketing counts, and the zone their days are in. */
  public record Analytics(nl.webcare.analytics.MarketingCounts counts, nl.webcare.analytics.spikes.SpikeLog spikes,
      java.time.ZoneId zone, java.util.Map<String, Boolean> brands) {
    /** The brands of the connectors marked competitor. */
    public java.util.List<String> competitors() {
      return brands.entrySet().stream().filter(java.util.Map.Entry::getValue).map(java.util.Map.Entry::getKey)
          .sorted().toList();
    }
  }

  /** Alert subscriptions, their delivery state, and the check a webhook URL passes. */
  public record Delivery(nl.webcare.delivery.SubscriptionStore subscriptions, nl.webcare.delivery.DeliveryState state,
      nl.webcare.delivery.WebhookUrls urls, nl.webcare.delivery.AlertTail tail, nl.webcare.delivery.StreamSlots slots,
      WebcareConfig.Delivery settings) {}

  /** The connectors and the scoring queue, for the operations routes. */
  public record Operations(ConnectorStatusStore statuses, List<String> connectorNames, ScoringQueue scoringQueue) {}

  /** Push sources and where their mentions go. */
  public record Ingest(List<PushSource> sources, IngestRateLimiter rates, MentionInbox inbox,
      ConnectorStatusStore statuses) {}

  /** What readiness checks: the store answers, the model is loaded. */
  public record Health(Supplier<Future<Void>> storePing, BooleanSupplier modelLoaded) {}

  private final WebcareConfig.Http settings;
  private final Services deps;
  private HttpServer server;
  private Router apiRouter;

  public ApiVerticle(WebcareConfig.Http settings, Services deps) {
    this.settings = settings;
    this.deps = deps;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    WebcareConfig.Guards guards = settings.guards();
    ConnectionGuard connections = new ConnectionGuard(vertx, guards);
    router.route().handler(connections::requestArrived);
    router.route().handler(new ResponseHeaders(guards.corsOrigins()));
    router.route().handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()));
    new HealthRoutes(vertx, deps.health().storePing(), deps.health().modelLoaded()).mount(router);
    // Prometheus scrapes without a key: counts and team names only, no personal data
    router.get("/metrics").handler(PrometheusScrapingHandler.create(deps.metrics().registry()));
    new PageRoutes().mount(router);
    // the customer's survey page: public, no key, nothing but the question
    new SurveyPage(deps.performance().surveys(), deps.work()).mount(router);
    Router api = Router.router(vertx);
    api.route().handler(ApiContract.served());
    // signed per source or public: before authentication
    new DocumentRoutes().mount(api);
    new IngestRoutes(deps.ingest().sources(), deps.ingest().rates(), deps.ingest().inbox(), deps.ingest().statuses())
        .mount(api);
    Authentication authentication = new Authentication(deps.keys(), deps.authFailures(), deps.sessions());
    SessionRoutes signIn = new SessionRoutes(deps.keys(), deps.authFailures(), deps.sessions(), authentication,
        deps.analytics().zone());
    signIn.mountPublic(api);
    // a feed token authenticates itself; without one the feed asks for a key like every other route
    new AtomFeedRoutes(vertx, deps.alerts(), deps.delivery().subscriptions(), deps.keys(), deps.authFailures(),
        authentication, deps.delivery().settings().publicUrl()).mount(api);
    api.route().handler(authentication);
    signIn.mount(api);
    new WorklistRoutes(deps.views(), deps.teams()).mount(api);
    new CaseActionRoutes(deps.work()).mount(api);
    new MentionRoutes(deps.mentions()).mount(api);
    new FeedRoutes(deps.alerts()).mount(api);
    new SubscriptionRoutes(deps.delivery().subscriptions(), deps.delivery().state(), deps.alerts(),
        deps.delivery().urls()).mount(api);
    new AlertStreamRoutes(vertx, deps.alerts(), deps.delivery().tail(), deps.delivery().slots(), deps.keys(),
        deps.delivery().settings().streamHeartbeat(), deps.delivery().settings().streamBufferBytes()).mount(api);
    new OperationsRoutes(deps.operations().statuses(), deps.operations().connectorNames(),
        deps.operations().scoringQueue()).mount(api);
    new KeyRoutes(deps.keys(), deps.teams()).mount(api);
    new ReplyRoutes(deps.replies()).mount(api);
    new LabelRoutes(deps.learning().corrections(), deps.learning().labels()).mount(api);
    new ModelRoutes(deps.learning().models()).mount(api);
    new TemplateRoutes(deps.templates()).mount(api);
    new SlaRoutes(deps.sla(), deps.teams()).mount(api);
    new AnalyticsRoutes(deps.analytics().counts(), deps.analytics().zone()).mount(api);
    new SpikeRoutes(deps.analytics().spikes(), deps.analytics().zone()).mount(api);
    api.get("/analytics/brands").handler(Authentication.requires(nl.webcare.access.Permission.READ_ANALYTICS))
        .handler(Responses.json(ctx -> io.vertx.core.Future.succeededFuture(brandsJson(deps.analytics().brands()))));
    new ServiceRoutes(deps.performance().figures(), deps.performance().zone(),
        deps.performance().analystsSeeAgents()).mount(api);
    new SummaryRoutes(deps.analytics().counts(), deps.analytics().spikes(), deps.analytics().zone(),
        deps.analytics().competitors()).mount(api);
    new AuthorRoutes(deps.authors()).mount(api);
    router.route(API_ROOT + "/*").subRouter(api);
    apiRouter = api;
    router.route().last().handler(ctx -> ctx.fail(ApiException.notFound("no such resource: " + ctx.request().path())));
    router.route().failureHandler(new ApiErrorHandler());
    HttpServer created = vertx.createHttpServer(serverOptions(guards));
    connections.watch(created);
    return created
        .requestHandler(router)
        .listen(settings.port(), settings.host())
        .onSuccess(s -> {
          server = s;
          LOG.info("HTTP API listening on {}://{}:{}{}", guards.tlsKeyStore() == null ? "http" : "https",
              settings.host(), s.actualPort(), API_ROOT);
        });
  }

  /** Idle connections closed after the idle timeout; TLS from a PKCS#12 key store when one is configured. */
  private static HttpServerOptions serverOptions(WebcareConfig.Guards guards) {
    HttpServerOptions options = new HttpServerOptions()
        .setIdleTimeout((int) guards.idleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS);
    if (guards.tlsKeyStore() != null) {
      options.setSsl(true).setKeyCertOptions(new PfxOptions().setPath(guards.tlsKeyStore())
          .setPassword(guards.tlsKeyStorePassword()));
    }
    return options;
  }

  /** Every route under {@link #API_ROOT} as "METHOD /path/{param}", for the test that holds the OpenAPI document to it. */
  /** The brands Webcare reads, each with whether it is a competitor's: what the dashboard offers to pick. */
  private static io.vertx.core.json.JsonObject brandsJson(java.util.Map<String, Boolean> brands) {
    io.vertx.core.json.JsonArray items = new io.vertx.core.json.JsonArray();
    new java.util.TreeMap<>(brands).forEach((brand, competitor) -> items.add(new io.vertx.core.json.JsonObject()
        .put("brand", brand).put("competitor", competitor)));
    return new io.vertx.core.json.JsonObject().put("items", items);
  }

  public java.util.List<String> routes() {
    java.util.List<String> routes = new java.util.ArrayList<>();
    for (io.vertx.ext.web.Route route : apiRouter.getRoutes()) {
      if (route.getPath() == null || route.methods() == null) {
        continue;
      }
      String path = route.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
      route.methods().forEach(m -> routes.add(m.name() + " " + path));
    }
    return routes;
  }

  /** The port actually bound (differs from the configured one when that was 0). */
  public int port() {
    return server.actualPort();
  }
}
