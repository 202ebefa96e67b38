package nl.webcare.learning;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import de.bwaldvogel.liblinear.Feature;
import nl.webcare.mention.Probabilities;
import nl.webcare.mention.ScoredMention;
import nl.webcare.mention.SentimentLabel;
import nl.webcare.mention.SentimentResult;
import nl.webcare.mention.TriageClass;
import nl.webcare.triage.MentionAssessor;
import nl.webcare.triage.Triage;

/**
 * The current models as this process last read them (every process reads them from Redis, so a promoted model
 * reaches all), and what they decide beside the rules: where the brand and language have a needs-reply model, its
 * verdict decides whether a mention needs a reply (the rules' class, urgency and priority stay, and the reasons say
 * the model decided); where they have a sentiment model, its label is the mention's label (counted for marketing,
 * shown to agents), the rules' score stays, and the cues say the model decided.
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

  /** The rules' assessment with the group's models applied: the sentiment label, then whether it needs a reply. */
  public MentionAssessor.Assessment apply(MentionAssessor.Assessment rules) {
    Loaded sentimentModel = modelOf(rules, "sentiment");
    Loaded needsReplyModel = modelOf(rules, "needs-reply");
    if (sentimentModel == null && needsReplyModel == null) {
      return rules;
    }
    Feature[] features = TriageFeatures.of(rules.scored().mention().fullText(), rules);
    ScoredMention scored = sentimentModel == null ? rules.scored() : relabelled(rules.scored(), sentimentModel, features);
    Triage.Decision decision = needsReplyModel == null ? rules.decision() : decide(rules.decision(), needsReplyModel, features);
    return new MentionAssessor.Assessment(scored, decision);
  }

  private Loaded modelOf(MentionAssessor.Assessment a, String task) {
    var m = a.scored().mention();
    String language = m.language() != null ? m.language() : a.scored().sentiment().language();
    return models.get((m.brand() == null ? "unknown" : m.brand()) + "|" + language + "|" + task);
  }

  private static ScoredMention relabelled(ScoredMention scored, Loaded loaded, Feature[] features) {
    SentimentResult s = scored.sentiment();
    if (s.label() == SentimentLabel.UNSCORED) {
      return scored; // a language the rules do not score has no model either
    }
    double[] p = loaded.model().probabilities(features);
    List<String> labels = loaded.model().about().labels();
    Probabilities probabilities = new Probabilities(p[labels.indexOf("negative")], p[labels.indexOf("neutral")],
        p[labels.indexOf("positive")]);
    SentimentLabel label = SentimentLabel.fromWire(loaded.model().predict(features));
    if (label == null || label == s.label()) {
      return scored;
    }
    List<String> cues = new ArrayList<>(s.cues());
    cues.add("learned:" + loaded.versionId() + ":" + label.wire());
    return new ScoredMention(scored.mention(), new SentimentResult(label, s.score(), probabilities, s.language(),
        s.sentences(), cues, s.truncated(), s.phrases()), scored.scoredAt());
  }

  /** Whether the mention needs a reply, by the group's model. */
  private static Triage.Decision decide(Triage.Decision rules, Loaded loaded, Feature[] features) {
    boolean yes = "yes".equals(loaded.model().predict(features));
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
