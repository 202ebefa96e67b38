package nl.webcare.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The pages people work in, served from the jar: {@code /} is the app, {@code /web/*} its scripts and styles (plain
 * JavaScript modules, no build step). They use the public API like any client, signed in with a session cookie.
 * Their policy lets them load only what Webcare itself serves: no CDN, no inline script, no other origin.
 */
final class PageRoutes {
  static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  void mount(Router router) {
    router.get("/").handler(PageRoutes::policy).handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-cache")
        .sendFile("web/index.html"));
    router.route("/web/*").handler(PageRoutes::policy).handler(StaticHandler.create("web")
        .setCachingEnabled(true).setMaxAgeSeconds(300).setDirectoryListing(false).setIncludeHidden(false));
    // the libraries, from their WebJars in the jar (uPlot for the charts)
    router.route("/webjars/*").handler(PageRoutes::policy).handler(StaticHandler.create("META-INF/resources/webjars")
        .setCachingEnabled(true).setMaxAgeSeconds(86_400).setDirectoryListing(false).setIncludeHidden(false));
  }

  private static void policy(RoutingContext ctx) {
    ctx.response().putHeader("Content-Security-Policy", POLICY);
    ctx.next();
  }
}
