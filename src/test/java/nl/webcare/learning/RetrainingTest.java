package nl.webcare.learning;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.liblinear.Feature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.webcare.mention.Mention;
import nl.webcare.sentiment.VaderSentimentAnalyzer;
import nl.webcare.triage.MentionAssessor;
import nl.webcare.triage.Triage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The retraining job's decisions, on stores held in memory: a model that does worse on the held-back labels than the
 * current one is kept aside (listed, not current); a group whose lease another process holds is not trained here.
 */
class RetrainingTest {
  private static final String GROUP = "acme|en|needs-reply";
  private static final MentionAssessor RULES = new MentionAssessor(VaderSentimentAnalyzer.load(), Triage.standard());
  private static final String[] THINGS = {"router", "modem", "meter", "parcel", "invoice", "app", "card", "phone",
      "account", "order", "bike", "heater", "laptop", "charger", "ticket"};
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Feature[] features(String text) {
    return TriageFeatures.of(text, RULES.assess(Mention.ofText("t", text, text)));
  }

  private static String complaint(String thing) {
    return "Still no signal from my " + thing + " since Monday";
  }

  private static String chatter(String thing) {
    return "Picked up a new " + thing + " at the shop today";
  }

  /** The mention id of the n-th label that falls (or does not fall) in the held-back fifth. */
  private static String mentionId(String prefix, int n, boolean heldBack) {
    int found = -1;
    for (int i = 0; ; i++) {
      String id = prefix + i;
      if (Retraining.heldBack(id) == heldBack && ++found == n) {
        return id;
      }
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static Retraining retraining(MemoryLabels labels, MemoryModelStore models, String instance) {
    return new Retraining(vertx, labels, models, text -> Future.succeededFuture(features(text)),
        new Retraining.Settings(20, Duration.ofMinutes(5)), instance);
  }

  @Test
  void aModelThatDoesWorseOnTheHeldBackLabelsIsKeptAsideAndTheCurrentOneStays() throws Exception {
    // GIVEN a current model that tells the complaints from the chatter
    MemoryModelStore models = new MemoryModelStore();
    List<LearnedTriage.Example> good = new ArrayList<>();
    for (String thing : THINGS) {
      good.add(new LearnedTriage.Example(features(complaint(thing)), "yes"));
      good.add(new LearnedTriage.Example(features(chatter(thing)), "no"));
    }
    ModelVersion current = await(models.save(GROUP, LearnedTriage.train(good, List.of("yes", "no"), "needs-reply",
        "en", "written for this test", 4.0), 0, 1.0, null, true));
    // AND a batch of labels whose trained part says the opposite (complaints dismissed in bulk by mistake), while the
    // held-back part is right
    MemoryLabels labels = new MemoryLabels();
    for (int i = 0; i < THINGS.length; i++) {
      labels.add(mentionId("m", 2 * i, false), complaint(THINGS[i]), "no");
      labels.add(mentionId("m", 2 * i + 1, false), chatter(THINGS[i]), "yes");
      labels.add(mentionId("h", 2 * i, true), complaint(THINGS[i] + "s"), "yes");
      labels.add(mentionId("h", 2 * i + 1, true), chatter(THINGS[i] + "s"), "no");
    }

    // WHEN the job runs
    List<ModelVersion> trained = await(retraining(labels, models, "p1").round());

    // THEN a version was trained and listed with both figures, but not promoted: the current one did better
    assertThat(trained).hasSize(1);
    ModelVersion fresh = trained.get(0);
    assertThat(fresh.heldBack()).isEqualTo(2 * THINGS.length);
    assertThat(fresh.scoreOfCurrent()).isGreaterThan(0.9);
    assertThat(fresh.score()).isLessThan(fresh.scoreOfCurrent());
    assertThat(fresh.promoted()).isFalse();
    assertThat(await(models.current())).containsEntry(GROUP, current.id());
    assertThat(await(models.list())).extracting(ModelVersion::id).containsExactly(fresh.id(), current.id());
    // AND the same labels are not trained on again at the next round (nothing new came)
    assertThat(await(retraining(labels, models, "p1").round())).isEmpty();
  }

  @Test
  void aGroupWhoseLeaseAnotherProcessHoldsIsNotTrainedHere() throws Exception {
    MemoryModelStore models = new MemoryModelStore();
    MemoryLabels labels = new MemoryLabels();
    for (int i = 0; i < THINGS.length; i++) {
      labels.add("c" + i, complaint(THINGS[i]), "yes");
      labels.add("n" + i, chatter(THINGS[i]), "no");
    }
    assertThat(await(models.lease(GROUP, "p2", Duration.ofMinutes(5)))).isTrue();
    assertThat(await(retraining(labels, models, "p1").round())).isEmpty();
    assertThat(await(models.list())).isEmpty();
    // the holder itself trains it; there being no current model, it is promoted
    List<ModelVersion> trained = await(retraining(labels, models, "p2").round());
    assertThat(trained).singleElement().satisfies(v -> {
      assertThat(v.promoted()).isTrue();
      assertThat(v.scoreOfCurrent()).isNull();
    });
  }

  /** Labels of one group, newest first. */
  private static final class MemoryLabels implements TeamLabels {
    private final List<TeamLabel> labels = new ArrayList<>();

    void add(String mentionId, String text, String value) {
      labels.add(0, new TeamLabel(mentionId, TeamLabel.Task.NEEDS_REPLY, value, text, "en", "acme", "dismissal",
          "ann", Instant.now()));
    }

    @Override
    public Future<Void> record(TeamLabel label) {
      labels.add(0, label);
      return Future.succeededFuture();
    }

    @Override
    public Future<Map<String, Map<String, Long>>> counts() {
      Map<String, Long> byValue = new HashMap<>();
      labels.forEach(l -> byValue.merge(l.value(), 1L, Long::sum));
      return Future.succeededFuture(labels.isEmpty() ? Map.of() : Map.of(GROUP, byValue));
    }

    @Override
    public Future<TeamLabel> find(String mentionId, TeamLabel.Task task) {
      return Future.succeededFuture(labels.stream().filter(l -> l.mentionId().equals(mentionId)).findFirst()
          .orElse(null));
    }

    @Override
    public Future<List<TeamLabel>> of(String group, int limit) {
      return Future.succeededFuture(labels.stream().limit(limit).toList());
    }
  }
}
