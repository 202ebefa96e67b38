package nl.webcare.learning;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.webcare.mention.TriageClass;
import nl.webcare.triage.MentionAssessor;
import nl.webcare.triage.Triage;

/**
 * The current models as this process last read them (every process reads them from Redis, so a promoted model
 * reaches all), and the decision they make beside the rules: where the brand and language have a needs-reply model,
 * its verdict decides whether a mention needs a reply; the rules' class, urgency and priority stay, and the reasons
 * say the model decided.
 */
public final class LiveModels {
  private record Loaded(String versionId, LearnedTriage model) {}

  private final ModelStore store;
  private volatile Map<String, Loaded> models = Map.of();

  public LiveModels(ModelStore store) {
    this.store = store;
  }

  /** Reads the current versions and loads those that changed. */
  public Future<Void> refresh() {
    return store.current().compose(current -> {
      Map<String, Loaded> now = models;
      Map<String, Loaded> next = new HashMap<>();
      List<Future<?>> loads = new ArrayList<>();
      current.forEach((group, id) -> {
        Loaded known = now.get(group);
        if (known != null && known.versionId().equals(id)) {
          next.put(group, known);
        } else {
          loads.add(store.load(id).onSuccess(m -> {
            if (m != null) {
              synchronized (next) {
                next.put(group, new Loaded(id, m));
              }
            }
          }));
        }
      });
      return Future.all(loads).map(done -> {
        models = Map.copyOf(next);
        return null;
      });
    });
  }

  /** Whether the mention needs a reply, by the group's model where there is one, else by the rules. */
  public Triage.Decision decide(MentionAssessor.Assessment a) {
    var m = a.scored().mention();
    String language = m.language() != null ? m.language() : a.scored().sentiment().language();
    Loaded loaded = models.get((m.brand() == null ? "unknown" : m.brand()) + "|" + language + "|needs-reply");
    Triage.Decision rules = a.decision();
    if (loaded == null) {
      return rules;
    }
    boolean yes = "yes".equals(loaded.model().predict(TriageFeatures.of(m.fullText(), a)));
    if (yes == rules.needsReply()) {
      return rules;
    }
    List<String> reasons = new ArrayList<>(rules.reasons());
    reasons.add("learned:" + loaded.versionId() + (yes ? ":needs-reply" : ":no-reply"));
    TriageClass cls = yes && rules.triageClass() != TriageClass.QUESTION && rules.triageClass() != TriageClass.CRISIS
        ? TriageClass.COMPLAINT : rules.triageClass();
    return new Triage.Decision(cls, yes, rules.urgency(), rules.priority(), reasons);
  }
}
