package nl.webcare.connector.x;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.webcare.connector.Connector;
import nl.webcare.connector.ConnectorDefinition;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.CredentialsRejectedException;
import nl.webcare.connector.PollResult;
import nl.webcare.connector.RateLimitedException;
import nl.webcare.connector.ReplyChannel;
import nl.webcare.mention.Mention;
import nl.webcare.connector.ReadBudgetStore;

/**
 * Polls the X API v2 for a brand: its account's mentions or a recent search. Every post read is paid
 * for, so the connector reads only what is new ({@code since_id}), counts each page against a daily
 * budget in Redis before anything else happens to it, and never polls into a rate limit: when a window
 * is spent it pauses until X's reset time.
 *
 * <p>Cursor: {@code sinceId} (newest post of the last complete run) and, when a run stopped between
 * pages (page limit, budget, rate limit, error), {@code pendingToken} and {@code pendingNewestId} so
 * that the next run reads on from the same page and no post is read twice.
 */
final class XConnector implements Connector {
  static final String SINCE_ID = "sinceId";
  static final String PENDING_TOKEN = "pendingToken";
  static final String PENDING_NEWEST = "pendingNewestId";

  private final ConnectorDefinition definition;
  private final XApi api;
  private final WorkerExecutor workers;
  private final ReadBudgetStore budgets;
  private final XSettings settings;
  private final XPostMapper mapper;

  XConnector(ConnectorDefinition definition, XApi api, WorkerExecutor workers, ReadBudgetStore budgets,
      XSettings settings) {
    this.definition = definition;
    this.api = api;
    this.workers = workers;
    this.budgets = budgets;
    this.settings = settings;
    this.mapper = new XPostMapper(definition);
  }

  @Override
  public ConnectorDefinition definition() {
    return definition;
  }

  @Override
  public Optional<ReplyChannel> replyChannel() {
    return settings.canReply() ? Optional.of(new XReplyChannel(api, workers)) : Optional.empty();
  }

  @Override
  public Future<PollResult> poll(Map<String, String> cursor) {
    LocalDate day = LocalDate.now(ZoneOffset.UTC);
    return budgets.used(definition.name(), day).compose(used -> readPages(new Run(cursor, day, used)));
  }

  /** The state of one poll across its pages. */
  private final class Run {
    final Map<String, String> cursor;
    final LocalDate day;
    final List<Mention> mentions = new ArrayList<>();
    long used;
    int pages;
    String token;
    String newest;
    PollResult.Pause pause;
    String lastError;

    Run(Map<String, String> cursor, LocalDate day, long used) {
      this.cursor = cursor;
      this.day = day;
      this.used = used;
      this.token = cursor.get(PENDING_TOKEN);
      this.newest = cursor.get(PENDING_NEWEST);
    }

    boolean firstEver() {
      return cursor.get(SINCE_ID) == null && cursor.get(PENDING_TOKEN) == null;
    }
  }

  private Future<PollResult> readPages(Run run) {
    long left = settings.dailyReadBudget() - run.used;
    if (left < settings.minResults()) {
      run.pause = new PollResult.Pause(nextUtcMidnight(run.day), "daily read budget of " + settings.dailyReadBudget()
          + " posts spent; X is asked again after midnight UTC");
      return Future.succeededFuture(finish(run, false));
    }
    int maxResults = (int) Math.min(100, left);
    XApi.Query query = settings.query(run.cursor.get(SINCE_ID), run.token);
    return workers.<XPage>executeBlocking(() -> api.read(query, maxResults), false)
        .recover(error -> recoverPage(run, error))
        .compose(page -> page == null ? Future.succeededFuture(finish(run, run.token == null))
            : budgets.add(definition.name(), run.day, page.posts().size()).compose(total -> {
              run.used = total;
              return afterPage(run, page);
            }));
  }

  private Future<PollResult> afterPage(Run run, XPage page) {
    run.pages++;
    run.mentions.addAll(mapper.map(page.posts()));
    if (run.newest == null) {
      run.newest = page.newestId();
    }
    run.token = page.nextToken();
    if (page.rateLimit() != null && page.rateLimit().spent()) {
      run.pause = new PollResult.Pause(page.rateLimit().resetAt(), "X rate-limit window spent; resets at "
          + page.rateLimit().resetAt());
    }
    boolean more = run.token != null && !run.firstEver() && run.pages < settings.maxPagesPerPoll() && run.pause == null;
    return more ? readPages(run) : Future.succeededFuture(finish(run, run.token == null || run.firstEver()));
  }

  /**
   * A failed first page fails the poll (the poller keeps the cursor and backs off); a failure after
   * pages were read ends the run with what was read, so that those paid posts are kept.
   */
  private Future<XPage> recoverPage(Run run, Throwable error) {
    ConnectorException failure = translate(error);
    if (run.pages == 0 && run.token != null && error instanceof XApiException x && x.status() == 400) {
      // a saved page token X no longer accepts: give up the rest of that run rather than fail for ever
      run.lastError = failure.getMessage() + "; the saved page token was dropped";
      run.token = null;
      return Future.succeededFuture(null);
    }
    if (failure instanceof CredentialsRejectedException || run.pages == 0) {
      return Future.failedFuture(failure);
    }
    run.lastError = failure.getMessage();
    if (failure instanceof RateLimitedException limited && limited.retryAt() != null) {
      run.pause = new PollResult.Pause(limited.retryAt(), failure.getMessage());
    }
    return Future.succeededFuture(null);
  }

  private PollResult finish(Run run, boolean complete) {
    Map<String, String> next = new HashMap<>();
    if (complete) {
      String since = run.newest != null ? run.newest : run.cursor.get(SINCE_ID);
      if (since != null) {
        next.put(SINCE_ID, since);
      }
    } else {
      putIfPresent(next, SINCE_ID, run.cursor.get(SINCE_ID));
      putIfPresent(next, PENDING_TOKEN, run.token);
      putIfPresent(next, PENDING_NEWEST, run.newest);
    }
    Map<String, String> figures = new HashMap<>();
    figures.put("readsToday", Long.toString(run.used));
    figures.put("dailyReadBudget", Long.toString(settings.dailyReadBudget()));
    putIfPresent(figures, "lastPageError", run.lastError);
    return new PollResult(run.mentions, next, false, 0, run.pause, figures);
  }

  static ConnectorException translate(Throwable error) {
    if (!(error instanceof XApiException x)) {
      return error instanceof ConnectorException c ? c : new ConnectorException("X request failed: " + error, error);
    }
    if (x.status() == 401 || x.status() == 403) {
      return new CredentialsRejectedException(x.getMessage() + " (check the bearer token and the plan's access)");
    }
    if (x.status() == 429) {
      return new RateLimitedException(x.getMessage(), x.rateLimit() == null ? null : x.rateLimit().resetAt());
    }
    return new ConnectorException(x.getMessage(), x);
  }

  private static Instant nextUtcMidnight(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
