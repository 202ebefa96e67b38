package nl.webcare.api;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The worklist pages this process rendered last, each with the worklist version it was read at. A page is served
 * from here while Redis' version counter still reads that version (every change of a case bumps it in the same
 * script), so a busy team's repeated reads of the same page cost one GET instead of the page's reads and rendering.
 * The key is everything the page depends on: the query, the caller's teams, whether it may see authors, limit and
 * cursor. Bounded (least recently used out); shared by the API's event loops, hence synchronised (each call is a
 * map operation). A page being rendered is rendered once: the requests for it that come meanwhile wait for that
 * render instead of each reading the same cases (when the worklist changes, every agent polling a queue asks for its
 * new page at about the same moment).
 */
final class WorklistPageCache {
  /** A rendered page: its JSON bytes and the version it was read at. */
  record Rendered(long version, Buffer body) {}

  private final Map<String, Rendered> pages;
  /** Renders going on, by page key and version. */
  private final Map<String, Future<Buffer>> rendering = new HashMap<>();

  WorklistPageCache(int capacity) {
    this.pages = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * The page at {@code version}: the one kept, else the render of it going on, else a new render by {@code render},
   * kept when it succeeds. A request that joins another's render continues on its own event loop.
   */
  Future<Buffer> page(String key, long version, Supplier<Future<Buffer>> render) {
    String flight = version + "@" + key;
    Promise<Buffer> mine;
    synchronized (this) {
      Buffer kept = at(key, version);
      if (kept != null) {
        return Future.succeededFuture(kept);
      }
      Future<Buffer> going = rendering.get(flight);
      if (going != null) {
        return onThisContext(going);
      }
      mine = Promise.promise();
      rendering.put(flight, mine.future());
    }
    Future<Buffer> rendered;
    try {
      rendered = render.get();
    } catch (RuntimeException e) {
      rendered = Future.failedFuture(e);
    }
    rendered.onComplete(done -> {
      synchronized (this) {
        rendering.remove(flight);
        if (done.succeeded()) {
          keep(key, version, done.result());
        }
      }
      mine.handle(done);
    });
    return mine.future();
  }

  /** {@code going}, its outcome handed to the caller's event loop (the render may end on another one). */
  private static Future<Buffer> onThisContext(Future<Buffer> going) {
    Context here = Vertx.currentContext();
    if (here == null) {
      return going;
    }
    Promise<Buffer> there = Promise.promise();
    going.onComplete(done -> here.runOnContext(v -> there.handle(done)));
    return there.future();
  }

  /** The page rendered at {@code version}, or null (none, or one of an older version). */
  synchronized Buffer at(String key, long version) {
    Rendered r = pages.get(key);
    return r != null && r.version() == version ? r.body() : null;
  }

  /** Keeps a page unless one of a newer version is already kept (two loops rendering at once). */
  synchronized void keep(String key, long version, Buffer body) {
    Rendered known = pages.get(key);
    if (known == null || known.version() <= version) {
      pages.put(key, new Rendered(version, body));
    }
  }

  /** The ETag of a page: the version and the page's key, so that no two queries or callers share one. */
  static String etag(String key, long version) {
    return "\"w" + version + "-" + Integer.toHexString(key.hashCode()) + "\"";
  }
}
