package nl.webcare.api;

import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worklist pages this process rendered last, each with the worklist version it was read at. A page is served
 * from here while Redis' version counter still reads that version (every change of a case bumps it in the same
 * script), so a busy team's repeated reads of the same page cost one GET instead of the page's reads and rendering.
 * The key is everything the page depends on: the query, the caller's teams, whether it may see authors, limit and
 * cursor. Bounded (least recently used out); shared by the API's event loops, hence synchronised (each call is a
 * map operation).
 */
final class WorklistPageCache {
  /** A rendered page: its JSON bytes and the version it was read at. */
  record Rendered(long version, Buffer body) {}

  private final Map<String, Rendered> pages;

  WorklistPageCache(int capacity) {
    this.pages = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
        return size() > capacity;
      }
    };
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
