package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A page is rendered once per version: requests that come while it renders share that render. */
class WorklistPageCacheTest {
  private final WorklistPageCache cache = new WorklistPageCache(8);
  private final AtomicInteger renders = new AtomicInteger();

  @Test
  void requestsForAPageBeingRenderedWaitForThatRenderAndTheResultIsKept() {
    Promise<Buffer> slow = Promise.promise();
    Future<Buffer> first = cache.page("q", 7, () -> {
      renders.incrementAndGet();
      return slow.future();
    });
    Future<Buffer> second = cache.page("q", 7, this::neverCalled);
    // another version or another page is rendered apart
    Future<Buffer> newer = cache.page("q", 8, () -> {
      renders.incrementAndGet();
      return Future.succeededFuture(Buffer.buffer("v8"));
    });
    assertThat(first.isComplete()).isFalse();
    assertThat(second.isComplete()).isFalse();
    slow.complete(Buffer.buffer("v7"));
    assertThat(first.result().toString()).isEqualTo("v7");
    assertThat(second.result().toString()).isEqualTo("v7");
    assertThat(newer.result().toString()).isEqualTo("v8");
    assertThat(renders).hasValue(2);
    // kept: the newer version's page (an older one never replaces it)
    assertThat(cache.page("q", 8, this::neverCalled).result().toString()).isEqualTo("v8");
  }

  @Test
  void aFailedRenderFailsEveryoneWaitingAndIsNotKept() {
    Promise<Buffer> failing = Promise.promise();
    Future<Buffer> first = cache.page("q", 3, () -> failing.future());
    Future<Buffer> second = cache.page("q", 3, this::neverCalled);
    failing.fail(new IllegalStateException("Redis is away"));
    assertThat(first.failed()).isTrue();
    assertThat(second.cause()).hasMessage("Redis is away");
    // the next request renders again
    assertThat(cache.page("q", 3, () -> Future.succeededFuture(Buffer.buffer("again"))).result().toString())
        .isEqualTo("again");
  }

  private Future<Buffer> neverCalled() {
    throw new AssertionError("rendered twice");
  }
}
