package nl.webcare.casework;

import io.vertx.core.Future;
import java.util.List;
import nl.webcare.store.PageCursor;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.Case;
import nl.webcare.worklist.CaseQuery;

/**
 * Cases as people read them: each with its mention, in one place instead of in every route. Every future
 * fails when the store cannot be reached.
 */
public interface CaseViews {
  /** A case page shows at most this many of its mentions, the newest. */
  int MAX_THREAD = 100;

  record Page(List<CaseView> items, PageCursor next) {}

  /** The worklist's version: a page read at one version is current while this still reads it. */
  Future<Long> version();

  /** The worklist page that {@code query} selects, each case with its mention. */
  Future<Page> page(CaseQuery query, int limit, PageCursor after);

  /**
   * The case with everything on it; fails with {@link CaseRefusal} NOT_FOUND when there is none, OTHER_TEAM when
   * {@code viewer} does not work in its team.
   */
  Future<CaseThread> thread(String caseId, Actor viewer);

  /** {@code current} with its mention. */
  Future<CaseView> view(Case current);
}
