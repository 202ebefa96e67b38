package nl.webcare.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import nl.webcare.store.PageCursor;
import nl.webcare.access.ApiKey;
import nl.webcare.access.ApiKeyStore;
import nl.webcare.access.Permission;
import nl.webcare.access.Role;

/**
 * API keys, for admins: {@code POST /keys} makes one (the key is in that answer only), {@code GET /keys}
 * lists them without their secrets, {@code DELETE /keys/{id}} revokes one at once.
 */
final class KeyRoutes {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeyRoutes.class);
  private final ApiKeyStore keys;

  private final java.util.List<String> teams;

  KeyRoutes(ApiKeyStore keys, java.util.List<String> teams) {
    this.keys = keys;
    this.teams = java.util.List.copyOf(teams);
  }

  void mount(Router api) {
    api.post("/keys").handler(Authentication.requires(Permission.ADMINISTER)).handler(Responses.json(201, this::create));
    api.get("/keys").handler(Authentication.requires(Permission.ADMINISTER)).handler(Responses.json(this::list));
    api.get("/agents").handler(Authentication.requires(Permission.LEAD_CASES)).handler(Responses.json(this::agents));
    api.delete("/keys/:id").handler(Authentication.requires(Permission.ADMINISTER)).handler(Responses.json(this::revoke));
  }

  private Future<JsonObject> create(RoutingContext ctx) {
    JsonObject body = RequestReader.jsonBody(ctx);
    String owner = RequestReader.text(body, "owner", RequestReader.MAX_NAME_CHARS);
    if (LogText.unsafe(owner)) {
      throw ApiException.badRequest("bad_field", "owner must not hold control or text-direction characters");
    }
    String roleName = RequestReader.text(body, "role", 20);
    Role role = Role.fromWire(roleName);
    if (role == null) {
      throw ApiException.badRequest("bad_field", "role must be one of "
          + Arrays.stream(Role.values()).map(Role::wire).toList() + ", got " + roleName);
    }
    java.util.Set<String> keyTeams = RequestReader.words(body, "teams", RequestReader.MAX_NAME_CHARS);
    if (!keyTeams.isEmpty() && role != Role.AGENT && role != Role.LEAD) {
      throw ApiException.badRequest("bad_field", "teams belong to agent and lead keys; a " + role.wire()
          + " key sees every team");
    }
    for (String team : keyTeams) {
      if (!teams.contains(team)) {
        throw ApiException.badRequest("bad_field", "teams must be among " + teams + ", got " + team);
      }
    }
    String by = Authentication.caller(ctx).owner();
    return keys.create(owner, role, keyTeams, by)
        .onSuccess(issued -> LOG.info("audit: API key {} ({}, role {}) made by {}", issued.record().id(), LogText.clean(owner),
            role.wire(), LogText.clean(by)))
        .map(issued -> json(issued.record()).put("key", issued.key()));
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    int limit = RequestReader.limit(ctx);
    PageCursor after = RequestReader.cursor(ctx);
    // oldest first, by creation time and id: the cursor is the last key's (few keys: listed whole, then cut)
    return keys.list().map(all -> {
      List<ApiKey> rest = all.stream().filter(k -> after == null || k.createdAt().toEpochMilli() > after.score()
          || (k.createdAt().toEpochMilli() == after.score() && k.id().compareTo(after.member()) > 0)).toList();
      List<ApiKey> page = rest.subList(0, Math.min(limit, rest.size()));
      JsonArray items = new JsonArray();
      page.forEach(k -> items.add(json(k)));
      ApiKey last = page.isEmpty() ? null : page.get(page.size() - 1);
      String next = rest.size() > limit ? new PageCursor(last.createdAt().toEpochMilli(), last.id()).encode() : null;
      return new JsonObject().put("items", items).put("next", next);
    });
  }

  /**
   * Who can be handed a case: the owners of the agent and lead keys that work in the caller's teams (a key without
   * teams works in all), names only, sorted; for a lead's reassign list.
   */
  private Future<JsonObject> agents(RoutingContext ctx) {
    var caller = Authentication.actor(ctx);
    return keys.list().map(all -> {
      java.util.TreeMap<String, java.util.TreeSet<String>> byOwner = new java.util.TreeMap<>();
      for (ApiKey k : all) {
        boolean works = k.role().may(Permission.WORK_CASES) && k.role() != nl.webcare.access.Role.ADMIN;
        boolean shared = caller.teams().isEmpty() || k.teams().isEmpty()
            || k.teams().stream().anyMatch(caller.teams()::contains);
        if (works && shared) {
          byOwner.computeIfAbsent(k.owner(), o -> new java.util.TreeSet<>()).addAll(k.teams());
        }
      }
      JsonArray items = new JsonArray();
      byOwner.forEach((owner, teams) -> items.add(new JsonObject().put("name", owner)
          .put("teams", new JsonArray(List.copyOf(teams)))));
      return new JsonObject().put("items", items);
    });
  }

  private Future<JsonObject> revoke(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String by = Authentication.caller(ctx).owner();
    return keys.revoke(id).onSuccess(done -> {
      if (done) {
        LOG.info("audit: API key {} revoked by {}", LogText.clean(id), LogText.clean(by));
      }
    }).compose(done -> done
        ? Future.succeededFuture(new JsonObject().put("id", id).put("revoked", true))
        : Future.failedFuture(ApiException.notFound("no API key " + id)));
  }

  private static JsonObject json(ApiKey k) {
    return new JsonObject().put("id", k.id()).put("owner", k.owner()).put("role", k.role().wire())
        .put("createdAt", k.createdAt().toString()).put("createdBy", k.createdBy())
        .put("teams", new JsonArray(new java.util.ArrayList<>(new java.util.TreeSet<>(k.teams()))));
  }
}
