package nl.webcare.api;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import nl.webcare.access.ApiKey;
import nl.webcare.access.ApiKeyStore;
import nl.webcare.access.Permission;
import nl.webcare.alerts.Alert;
import nl.webcare.alerts.AlertFeed;
import nl.webcare.alerts.AlertFilter;
import nl.webcare.delivery.AlertJson;
import nl.webcare.delivery.AlertTail;
import nl.webcare.delivery.StreamSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /alerts/stream}: the alert feed live, as server-sent events. Each event's {@code id} is the alert's
 * cursor, so a client that reconnects with {@code Last-Event-ID} (browsers do it by themselves) first gets exactly
 * what it missed, read from the stream, then the live alerts, in order and none twice. New alerts come from the
 * process's one {@link AlertTail}; a heartbeat comment keeps proxies from closing a quiet stream; a client whose
 * {@code streamBufferBytes} of unsent events do not drain for three heartbeats is told why and dropped, the others
 * going on (a burst larger than the buffer is read again from Redis as the client drains); each key holds at most
 * {@code streamsPerKey} streams over all processes; a revoked key's streams end at the next heartbeat.
 */
final class AlertStreamRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AlertStreamRoutes.class);
  private static final int CATCH_UP_PAGE = 200;
  private static final long RECONNECT_MS = 3_000;

  private final Vertx vertx;
  private final AlertFeed alerts;
  private final AlertTail tail;
  private final StreamSlots slots;
  private final ApiKeyStore keys;
  private final Duration heartbeat;
  private final int bufferBytes;

  AlertStreamRoutes(Vertx vertx, AlertFeed alerts, AlertTail tail, StreamSlots slots, ApiKeyStore keys,
      Duration heartbeat, int bufferBytes) {
    this.vertx = vertx;
    this.alerts = alerts;
    this.tail = tail;
    this.slots = slots;
    this.keys = keys;
    this.heartbeat = heartbeat;
    this.bufferBytes = bufferBytes;
  }

  void mount(Router api) {
    api.get("/alerts/stream").handler(Authentication.requires(Permission.READ_ALERTS)).handler(this::open);
  }

  private void open(RoutingContext ctx) {
    AlertFilter filter = FeedRoutes.filter(ctx);
    String resumeAfter = ctx.request().getHeader("Last-Event-ID");
    if (resumeAfter == null) {
      resumeAfter = ctx.queryParams().get("lastEventId");
    }
    if (resumeAfter != null && !resumeAfter.isBlank() && !AlertFeed.isCursor(resumeAfter.trim())) {
      throw ApiException.badRequest("bad_parameter", "Last-Event-ID must be the id of an event of this stream, "
          + "like 1732521600000-0");
    }
    String after = resumeAfter == null || resumeAfter.isBlank() ? null : resumeAfter.trim();
    ApiKey caller = Authentication.caller(ctx);
    String streamId = java.util.UUID.randomUUID().toString();
    slots.take(caller.id(), streamId).onComplete(taken -> {
      if (taken.failed()) {
        ctx.fail(taken.cause());
        return;
      }
      if (!taken.result()) {
        ctx.fail(new ApiException(429, "too_many_streams", "this key holds " + slots.perKey()
            + " live streams already (delivery.streamsPerKey); close one first"));
        return;
      }
      new LiveStream(ctx, caller, streamId, filter, AlertJson.seesAuthors(caller.role())).start(after);
    });
  }

  /**
   * One open stream, everything on the request's own event loop. Live alerts are written as they come; when the
   * client's write queue is full it is "behind": live alerts are no longer held in memory, the stream in Redis is
   * the buffer, and when the client drains, what it missed is read from there by cursor (as after a reconnect). A
   * client that drains nothing for three heartbeats is dropped as slow; one that reads slowly is not.
   */
  private final class LiveStream {
    /** Live alerts held while a catch-up read is under way; past this the catch-up reads once more instead. */
    private static final int MAX_WAITING = 1_000;
    private final RoutingContext ctx;
    private final HttpServerResponse response;
    private final Context context = Vertx.currentContext();
    private final ApiKey caller;
    private final String streamId;
    private final AlertFilter filter;
    private final boolean withAuthor;
    private final ArrayDeque<Alert> waiting = new ArrayDeque<>();
    private final Consumer<List<Alert>> listener = batch -> runHere(() -> arrived(batch));
    private String lastSent;
    /** True while the client is served from Redis (resuming, or behind) rather than from the live reader. */
    private boolean catchingUp;
    private boolean reading;
    private boolean missedLive;
    private boolean closed;
    private long lastProgress = System.currentTimeMillis();
    private long heartbeatTimer = -1;

    LiveStream(RoutingContext ctx, ApiKey caller, String streamId, AlertFilter filter, boolean withAuthor) {
      this.ctx = ctx;
      this.response = ctx.response();
      this.caller = caller;
      this.streamId = streamId;
      this.filter = filter;
      this.withAuthor = withAuthor;
    }

    void start(String after) {
      response.setStatusCode(200).setChunked(true)
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-cache, no-store")
          .putHeader("X-Accel-Buffering", "no");
      response.setWriteQueueMaxSize(bufferBytes);
      response.closeHandler(v -> close(null));
      response.exceptionHandler(e -> close(null));
      response.drainHandler(v -> drained());
      response.write("retry: " + RECONNECT_MS + "\n: connected\n\n");
      tail.listen(listener);
      heartbeatTimer = vertx.setPeriodic(heartbeat.toMillis(), id -> beat());
      if (after == null) {
        // from now on: what the live reader has seen is the start
        lastSent = tail.position();
        return;
      }
      lastSent = after;
      catchingUp = true;
      catchUp();
    }

    /** Reads what the client has not had from Redis, a page at a time, while it keeps up; then goes live. */
    private void catchUp() {
      if (closed || reading || response.writeQueueFull()) {
        return;
      }
      reading = true;
      missedLive = false;
      alerts.after(lastSent, CATCH_UP_PAGE, filter).onComplete(page -> {
        reading = false;
        if (closed) {
          return;
        }
        if (page.failed()) {
          close("store_unavailable");
          return;
        }
        for (Alert alert : page.result().alerts()) {
          if (!write(alert)) {
            return; // full again: drained() goes on from lastSent
          }
        }
        if (page.result().more() || missedLive) {
          if (page.result().alerts().isEmpty() && page.result().next() != null) {
            lastSent = page.result().next(); // a sparse filter: go on from where the scan stopped
          }
          catchUp();
          return;
        }
        catchingUp = false;
        while (!waiting.isEmpty() && !closed && !catchingUp) {
          Alert next = waiting.poll();
          if (filter.matches(next)) {
            send(next);
          }
        }
      });
    }

    private void arrived(List<Alert> batch) {
      if (closed) {
        return;
      }
      for (Alert alert : batch) {
        if (catchingUp) {
          if (waiting.size() < MAX_WAITING) {
            waiting.add(alert);
          } else {
            missedLive = true; // read from Redis instead of held here
          }
        } else if (filter.matches(alert)) {
          send(alert);
        }
      }
    }

    /** A live alert: written, or, when the client is behind, left in Redis for the catch-up. */
    private void send(Alert alert) {
      if (!write(alert)) {
        catchingUp = true;
        waiting.clear();
      }
    }

    /** Writes the alert unless it was sent before; false (and nothing written) when the client's queue is full. */
    private boolean write(Alert alert) {
      if (closed) {
        return false;
      }
      if (lastSent != null && !after(alert.cursor(), lastSent)) {
        return true;
      }
      if (response.writeQueueFull()) {
        return false;
      }
      lastSent = alert.cursor();
      response.write("id: " + alert.cursor() + "\nevent: " + alert.type() + "\ndata: "
          + AlertJson.of(alert, withAuthor).encode() + "\n\n");
      return true;
    }

    private void drained() {
      lastProgress = System.currentTimeMillis();
      if (catchingUp) {
        catchUp();
      }
    }

    private void beat() {
      if (closed) {
        return;
      }
      if (response.writeQueueFull()) {
        if (System.currentTimeMillis() - lastProgress > 3 * heartbeat.toMillis()) {
          close("slow_client");
        }
        return;
      }
      lastProgress = System.currentTimeMillis();
      response.write(": heartbeat " + Instant.now() + "\n\n");
      slots.renew(caller.id(), streamId);
      keys.byId(caller.id()).onSuccess(key -> {
        if (key == null) {
          runHere(() -> close("key_revoked"));
        }
      });
    }

    /** Ends the stream, telling the client why when there is a reason (dropped, revoked), and frees its slot. */
    private void close(String reason) {
      if (closed) {
        return;
      }
      closed = true;
      tail.unlisten(listener);
      vertx.cancelTimer(heartbeatTimer);
      slots.give(caller.id(), streamId);
      if (reason != null) {
        LOG.info("live alert stream of key {} ended: {}", caller.id(), reason);
        try {
          response.write("event: webcare.closed\ndata: {\"reason\":\"" + reason + "\"}\n\n");
          response.end();
          if ("slow_client".equals(reason)) {
            // a client that does not read does not read the end either: close the connection itself
            ctx.request().connection().close();
          }
        } catch (IllegalStateException alreadyClosed) {
          // the client went first
        }
      }
    }

    private void runHere(Runnable work) {
      context.runOnContext(v -> work.run());
    }
  }

  /** True when stream id {@code a} comes after {@code b}. */
  static boolean after(String a, String b) {
    int da = a.indexOf('-');
    int db = b.indexOf('-');
    long ma = Long.parseLong(a.substring(0, da));
    long mb = Long.parseLong(b.substring(0, db));
    return ma != mb ? ma > mb : Long.parseLong(a.substring(da + 1)) > Long.parseLong(b.substring(db + 1));
  }
}
