package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.function.BooleanSupplier;
import nl.webcare.alerts.AlertFeed;
import nl.webcare.config.WebcareConfig;
import nl.webcare.store.ConnectorStatusStore;
import nl.webcare.store.MentionStore;
import nl.webcare.store.RedisGateway;
import nl.webcare.store.IngestRateLimiter;
import nl.webcare.store.MentionInbox;
import nl.webcare.connector.push.PushSource;
import nl.webcare.access.ApiKeyStore;
import io.vertx.micrometer.PrometheusScrapingHandler;
import nl.webcare.metrics.WebcareMetrics;
import nl.webcare.privacy.RedisAuthorRecords;
import nl.webcare.sla.RedisSlaReport;
import nl.webcare.connector.ReplyChannels;
import nl.webcare.worklist.RedisReplyTemplates;
import nl.webcare.store.ScoringQueue;
import nl.webcare.worklist.Worklist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API under {@code /api/v1} and the health checks, with one JSON error handler for all. */
public final class ApiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ApiVerticle.class);
  public static final String API_ROOT = "/api/v1";

  /** What the routes read and change. */
  public record Dependencies(
      RedisGateway redis,
      Worklist worklist,
      MentionStore mentions,
      AlertFeed alerts,
      ConnectorStatusStore connectorStatuses,
      List<String> connectorNames,
      ScoringQueue scoringQueue,
      BooleanSupplier modelLoaded,
      List<PushSource> pushSources,
      MentionInbox inbox,
      ApiKeyStore keys,
      List<String> teams,
      ReplyChannels replyChannels,
      RedisReplyTemplates templates,
      java.time.ZoneId zone,
      WebcareMetrics metrics) {}

  private final WebcareConfig.Http settings;
  private final Dependencies deps;
  private HttpServer server;
  private Router apiRouter;

  public ApiVerticle(WebcareConfig.Http settings, Dependencies deps) {
    this.settings = settings;
    this.deps = deps;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()));
    new HealthRoutes(vertx, deps.redis(), deps.modelLoaded()).mount(router);
    // Prometheus scrapes without a key: counts and team names only, no personal data
    router.get("/metrics").handler(PrometheusScrapingHandler.create(deps.metrics().registry()));
    Router api = Router.router(vertx);
    // signed per source or public: before authentication
    new DocumentRoutes().mount(api);
    new IngestRoutes(deps.pushSources(), new IngestRateLimiter(deps.redis()), deps.inbox(), deps.connectorStatuses())
        .mount(api);
    api.route().handler(new Authentication(deps.keys()));
    new WorklistRoutes(deps.worklist(), deps.mentions(), deps.teams()).mount(api);
    new CaseActionRoutes(deps.worklist(), deps.mentions(), deps.teams(), deps.metrics()).mount(api);
    new MentionRoutes(deps.mentions()).mount(api);
    new FeedRoutes(deps.alerts()).mount(api);
    new OperationsRoutes(deps.connectorStatuses(), deps.connectorNames(), deps.scoringQueue()).mount(api);
    new KeyRoutes(deps.keys()).mount(api);
    new ReplyRoutes(deps.worklist(), deps.mentions(), deps.replyChannels(), deps.templates(), deps.zone(),
        deps.metrics()).mount(api);
    new TemplateRoutes(deps.templates()).mount(api);
    new SlaRoutes(new RedisSlaReport(deps.redis()), deps.teams()).mount(api);
    new AuthorRoutes(new RedisAuthorRecords(deps.redis(), deps.mentions(), deps.worklist())).mount(api);
    router.route(API_ROOT + "/*").subRouter(api);
    apiRouter = api;
    router.route().last().handler(ctx -> ctx.fail(ApiException.notFound("no such resource: " + ctx.request().path())));
    router.route().failureHandler(new ApiErrorHandler());
    return vertx.createHttpServer()
        .requestHandler(router)
        .listen(settings.port(), settings.host())
        .onSuccess(s -> {
          server = s;
          LOG.info("HTTP API listening on http://{}:{}{}", settings.host(), s.actualPort(), API_ROOT);
        });
  }

  /** Every route under {@link #API_ROOT} as "METHOD /path/{param}", for the test that holds the OpenAPI document to it. */
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
