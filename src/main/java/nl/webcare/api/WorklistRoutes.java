package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import nl.webcare.access.Permission;
import nl.webcare.mention.MentionStore;
import nl.webcare.store.PageCursor;
import nl.webcare.worklist.CaseQuery;
import nl.webcare.worklist.CaseState;
import nl.webcare.casework.CaseViews;

/** Reading the worklist: a team's queue with filters, and one case with everything on it. */
final class WorklistRoutes {
  static final Pattern CASE_ID = Pattern.compile("WC-[0-9A-Z]{5,7}");
  private static final List<String> STATES = Arrays.stream(CaseState.values()).map(CaseState::wire).toList();
  /** Pages kept per process: every team's first pages and their filters, with room to spare. */
  private static final int CACHED_PAGES = 512;
  private final CaseViews views;
  private final List<String> teams;
  private final WorklistPageCache cache = new WorklistPageCache(CACHED_PAGES);

  WorklistRoutes(CaseViews views, List<String> teams) {
    this.views = views;
    this.teams = List.copyOf(teams);
  }

  void mount(Router api) {
    api.get("/worklist").handler(Authentication.requires(Permission.READ_WORKLIST)).handler(this::list);
    api.get("/cases/:id").handler(Authentication.requires(Permission.READ_WORKLIST)).handler(Responses.json(this::one));
  }

  /**
   * A page of rows. One GET of the worklist's version first: a client that holds this page's ETag gets 304, a page
   * this process rendered at this version is sent as it was, and only otherwise are the cases read (and the page
   * kept). A change between reading the version and the cases leaves the page kept under the older version, which
   * the change has already bumped: it is never served as current.
   */
  private void list(RoutingContext ctx) {
    CaseQuery query;
    int limit;
    PageCursor cursor;
    try {
      query = query(ctx);
      limit = RequestReader.limit(ctx);
      cursor = RequestReader.cursor(ctx);
    } catch (RuntimeException badRequest) {
      ctx.fail(badRequest);
      return;
    }
    boolean withAuthor = Authentication.mayReadAuthors(ctx);
    String key = pageKey(query, limit, cursor, withAuthor);
    views.version().compose(version -> {
      String etag = WorklistPageCache.etag(key, version);
      String held = ctx.request().getHeader("If-None-Match");
      if (held != null && held.contains(etag)) {
        ctx.response().setStatusCode(304).putHeader("ETag", etag).putHeader("Cache-Control", "no-store").end();
        return Future.succeededFuture();
      }
      return cache.page(key, version, () -> views.page(query, limit, cursor).map(page -> {
        JsonArray items = new JsonArray();
        page.items().forEach(v -> items.add(ApiJson.rowJson(v, withAuthor)));
        return new JsonObject().put("items", items)
            .put("next", page.next() == null ? null : page.next().encode()).toBuffer();
      })).compose(body -> send(ctx, etag, body));
    }).onFailure(ctx::fail);
  }

  private static Future<Void> send(RoutingContext ctx, String etag, Buffer body) {
    // no-store as every answer with personal data; a client that keeps the page itself revalidates with the ETag
    return ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").putHeader("ETag", etag).end(body);
  }

  /** Everything a page depends on: the query with the caller's teams in order, authors or not, limit and cursor. */
  private static String pageKey(CaseQuery q, int limit, PageCursor cursor, boolean withAuthor) {
    return String.join("|", String.valueOf(q.team()), q.state() == null ? "" : q.state().wire(),
        String.valueOf(q.channel()), String.valueOf(q.language()), String.valueOf(q.assignee()),
        String.valueOf(q.minUrgency()), q.teams() == null ? "" : String.join(",", new java.util.TreeSet<>(q.teams())),
        withAuthor ? "authors" : "-", Integer.toString(limit), cursor == null ? "" : cursor.encode());
  }

  private CaseQuery query(RoutingContext ctx) {
    String state = RequestReader.oneOf(ctx, "state", STATES);
    String team = RequestReader.oneOf(ctx, "team", teams);
    String minUrgency = ctx.queryParams().get("minUrgency");
    Double urgency = null;
    if (minUrgency != null) {
      try {
        urgency = Double.valueOf(minUrgency);
      } catch (NumberFormatException e) {
        urgency = -1.0;
      }
      if (!(urgency >= 0 && urgency <= 1)) { // NaN too
        throw ApiException.badRequest("bad_parameter", "minUrgency must be a number from 0 to 1, got " + minUrgency);
      }
    }
    var actor = Authentication.actor(ctx);
    if (team != null && !actor.worksIn(team)) {
      throw new ApiException(403, "other_team", "your key does not work in team " + team + "; its teams are "
          + actor.teams());
    }
    return new CaseQuery(team, state == null ? null : CaseState.fromWire(state), param(ctx, "channel"),
        param(ctx, "language"), param(ctx, "assignee"), urgency, actor.teams());
  }

  private static String param(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    if (value != null && (value.isBlank() || value.length() > RequestReader.MAX_NAME_CHARS)) {
      throw ApiException.badRequest("bad_parameter", name + " must be a non-empty text of at most "
          + RequestReader.MAX_NAME_CHARS + " characters");
    }
    return value;
  }

  private Future<JsonObject> one(RoutingContext ctx) {
    String id = caseId(ctx);
    boolean withAuthor = Authentication.mayReadAuthors(ctx);
    return views.thread(id, Authentication.actor(ctx)).map(t -> {
      JsonArray thread = new JsonArray();
      t.mentions().forEach(m -> thread.add(ApiJson.mentionJson(m, withAuthor)));
      return ApiJson.caseDetailsJson(t.details(), t.first(), withAuthor).put("mentions", thread);
    });
  }

  static String caseId(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!CASE_ID.matcher(id).matches()) {
      throw ApiException.notFound("no case " + id + " (case references look like WC-4F7K2)");
    }
    return id;
  }
}
