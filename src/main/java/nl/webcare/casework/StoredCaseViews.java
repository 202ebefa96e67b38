package nl.webcare.casework;

import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import nl.webcare.mention.MentionStore;
import nl.webcare.store.PageCursor;
import nl.webcare.worklist.Actor;
import nl.webcare.worklist.Case;
import nl.webcare.worklist.CaseQuery;
import nl.webcare.worklist.Worklist;

/** {@link CaseViews} from the worklist and the mention store. */
public final class StoredCaseViews implements CaseViews {
  private final Worklist worklist;
  private final MentionStore mentions;

  public StoredCaseViews(Worklist worklist, MentionStore mentions) {
    this.worklist = worklist;
    this.mentions = mentions;
  }

  @Override
  public Future<Page> page(CaseQuery query, int limit, PageCursor after) {
    // a row shows the case's excerpt; only a case filed before cases kept one needs its mention read
    return worklist.cases(query, limit, after).compose(page -> {
      List<String> ids = page.cases().stream().filter(c -> c.excerpt() == null).map(Case::mentionId).toList();
      Future<java.util.Map<String, nl.webcare.mention.ScoredMention>> older = ids.isEmpty()
          ? Future.succeededFuture(java.util.Map.of()) : mentions.findAll(ids);
      return older.map(found -> new Page(page.cases().stream()
          .map(c -> new CaseView(c, found.get(c.mentionId()))).toList(), page.next()));
    });
  }

  @Override
  public Future<Long> version() {
    return worklist.version();
  }

  @Override
  public Future<CaseThread> thread(String caseId, Actor viewer) {
    return worklist.details(caseId).compose(d -> {
      if (d == null) {
        return Future.failedFuture(CaseRefusal.notFound(caseId));
      }
      if (!viewer.worksIn(d.current().team())) {
        return Future.failedFuture(WorklistCaseWork.otherTeam(caseId, d.current().team()));
      }
      List<String> ids = d.mentionIds().subList(Math.max(0, d.mentionIds().size() - MAX_THREAD), d.mentionIds().size());
      return mentions.findAll(ids).compose(found -> {
        var thread = ids.stream().map(found::get).filter(Objects::nonNull).toList();
        Future<nl.webcare.mention.ScoredMention> first = found.containsKey(d.current().mentionId())
            ? Future.succeededFuture(found.get(d.current().mentionId())) : mentions.find(d.current().mentionId());
        return first.map(m -> new CaseThread(d, m, thread));
      });
    });
  }

  @Override
  public Future<CaseView> view(Case current) {
    return mentions.find(current.mentionId()).map(m -> new CaseView(current, m));
  }
}
