package nl.webcare.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.webcare.inbox.ScoringQueue;
import nl.webcare.mention.MentionCodec;
import nl.webcare.mention.MentionStore;
import nl.webcare.mention.ScoredMention;
import nl.webcare.sentiment.VaderSentimentAnalyzer;
import nl.webcare.store.PageCursor;
import nl.webcare.store.StoreUnavailableException;
import nl.webcare.support.Await;
import nl.webcare.support.Mentions;
import nl.webcare.triage.MentionAssessor;
import nl.webcare.triage.Triage;
import nl.webcare.worklist.CaseRouter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A store that cannot serve is not an attempt: a message that failed because Redis refused writes is tried again
 * as if new, and is never dead-lettered for it; only failures of the mention itself count.
 */
class StoreOutageIsNoAttemptTest {
  private static final Vertx VERTX = Vertx.vertx();
  private static final WorkerExecutor POOL = VERTX.createSharedWorkerExecutor("test-scoring", 1);

  @AfterAll
  static void stop() {
    Await.result(VERTX.close());
  }

  @Test
  void aMessageThatFailedOnlyForTheStoreIsNeitherCountedNorDeadLettered() {
    RecordingQueue queue = new RecordingQueue();
    MentionScorer scorer = scorer(queue, new RefusingStore(new StoreUnavailableException(
        new redis.clients.jedis.exceptions.JedisDataException("OOM command not allowed when used memory > 'maxmemory'"))));
    // GIVEN a message delivered many times during an outage, never failing for a reason of its own
    ScoringQueue.Message message = new ScoringQueue.Message("1-0", fields(), 40, 0);
    // WHEN it is handled while the store refuses writes
    MentionScorer.Outcome outcome = Await.result(scorer.handle(message));
    // THEN the scorer is told the store is down, and nothing is counted or dead-lettered
    assertThat(outcome).isEqualTo(MentionScorer.Outcome.STORE_UNAVAILABLE);
    assertThat(queue.errors).isEmpty();
    assertThat(queue.deadLettered).isEmpty();
  }

  @Test
  void failuresOfTheMentionItselfAreCountedAndEndInTheDeadLetters() {
    RecordingQueue queue = new RecordingQueue();
    MentionScorer scorer = scorer(queue, new RefusingStore(new IllegalStateException("a bug in the scorer")));
    assertThat(Await.result(scorer.handle(new ScoringQueue.Message("2-0", fields(), 1, 0))))
        .isEqualTo(MentionScorer.Outcome.HANDLED);
    assertThat(queue.errors).containsExactly("2-0");
    assertThat(Await.result(scorer.handle(new ScoringQueue.Message("2-0", fields(), 3, 5)))).isEqualTo(
        MentionScorer.Outcome.HANDLED);
    assertThat(queue.deadLettered).containsExactly("2-0");
  }

  private static MentionScorer scorer(ScoringQueue queue, MentionStore store) {
    return new MentionScorer(queue, store, null, new CaseRouter(List.of(), "care"),
        new MentionAssessor(VaderSentimentAnalyzer.load(), Triage.standard()), POOL, 5, SourceRoles.NONE,
        nl.webcare.sentiment.AspectLexicon.load(), new nl.webcare.analytics.spikes.ActiveSpikes(), null);
  }

  private static Map<String, String> fields() {
    return MentionCodec.mentionFields(Mentions.mention("src", "m-1", "my parcel never came"));
  }

  /** A mention store whose writes fail the given way. */
  private record RefusingStore(RuntimeException failure) implements MentionStore {
    public Future<Void> save(ScoredMention scored, nl.webcare.mention.MentionCount count) {
      return Future.failedFuture(failure);
    }

    public Future<ScoredMention> find(String mentionId) {
      return Future.succeededFuture(null);
    }

    public Future<Map<String, ScoredMention>> findAll(List<String> mentionIds) {
      return Future.succeededFuture(Map.of());
    }

    public Future<Page> recent(Query query) {
      return Future.succeededFuture(new Page(List.of(), null));
    }

    public Future<List<ScoredMention>> byAuthorBetween(String authorKey, java.time.Instant from,
        java.time.Instant to) {
      return Future.succeededFuture(List.of());
    }
  }

  /** A queue that remembers what the scorer told it. */
  private static final class RecordingQueue implements ScoringQueue {
    final List<String> errors = new ArrayList<>();
    final List<String> deadLettered = new ArrayList<>();

    public Future<Void> ensureGroup() {
      return Future.succeededFuture();
    }

    public Future<List<Message>> readNew(String consumer, int count) {
      return Future.succeededFuture(List.of());
    }

    public Future<List<Message>> claimStale(String consumer, Duration minIdle, int count) {
      return Future.succeededFuture(List.of());
    }

    public Future<Claimed> claimStale(String consumer, Duration minIdle, int count, String from) {
      return Future.succeededFuture(new Claimed(List.of(), null));
    }

    public Future<Integer> removeIdleConsumers(String self, Duration idle) {
      return Future.succeededFuture(0);
    }

    public Future<Void> leave(String consumer) {
      return Future.succeededFuture();
    }

    public Future<Void> ack(String messageId) {
      return Future.succeededFuture();
    }

    public Future<Void> recordError(String messageId, String error) {
      errors.add(messageId);
      return Future.succeededFuture();
    }

    public Future<Void> deadLetter(Message message, String reason) {
      deadLettered.add(message.id());
      return Future.succeededFuture();
    }

    public Future<List<Message>> deadLetters(int count) {
      return Future.succeededFuture(List.of());
    }

    public Future<Boolean> requeue(String deadLetterId) {
      return Future.succeededFuture(false);
    }

    public Future<Integer> requeueAll() {
      return Future.succeededFuture(0);
    }

    public Future<DeadLetters> deadLetters(int count, PageCursor after) {
      return Future.succeededFuture(new DeadLetters(List.of(), null));
    }
  }
}
