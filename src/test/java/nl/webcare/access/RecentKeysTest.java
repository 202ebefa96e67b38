package nl.webcare.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nl.webcare.support.Await;
import org.junit.jupiter.api.Test;

/** Keys held for a second: a found key is not read again within it; a revocation here ends the hold at once. */
class RecentKeysTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final AtomicInteger reads = new AtomicInteger();
  private final Map<String, ApiKey> stored = new HashMap<>();
  private final RecentKeys keys = new RecentKeys(new Store(), now::get);

  @Test
  void aFoundKeyIsHeldForASecondAndARevocationEndsTheHoldAtOnce() {
    ApiKey ann = Await.result(keys.create("ann", Role.AGENT, Set.of("care"), "admin")).record();
    stored.put("wck_ann", ann);
    assertThat(Await.result(keys.find("wck_ann"))).isEqualTo(ann);
    assertThat(Await.result(keys.find("wck_ann"))).isEqualTo(ann);
    assertThat(reads).hasValue(1);
    // a second later it is read again
    now.addAndGet(RecentKeys.HOLD_MS);
    Await.result(keys.find("wck_ann"));
    assertThat(reads).hasValue(2);
    // revoked here: not held any more, and the store says it is gone
    Await.result(keys.revoke(ann.id()));
    assertThat(Await.result(keys.find("wck_ann"))).isNull();
    assertThat(reads).hasValue(3);
  }

  @Test
  void anUnknownKeyIsNeverHeld() {
    assertThat(Await.result(keys.find("wck_nobody"))).isNull();
    assertThat(Await.result(keys.find("wck_nobody"))).isNull();
    assertThat(reads).hasValue(2);
    // a key made since works at once
    ApiKey bob = Await.result(keys.create("bob", Role.AGENT, Set.of(), "admin")).record();
    stored.put("wck_nobody", bob);
    assertThat(Await.result(keys.find("wck_nobody"))).isEqualTo(bob);
  }

  private final class Store implements ApiKeyStore {
    @Override
    public Future<Issued> create(String owner, Role role, Set<String> teams, String createdBy) {
      return Future.succeededFuture(new Issued("wck_" + owner, new ApiKey("id-" + owner, owner, role,
          java.time.Instant.EPOCH, createdBy, teams)));
    }

    @Override
    public Future<Void> bootstrapAdmin(String key) {
      return Future.succeededFuture();
    }

    @Override
    public Future<ApiKey> find(String key) {
      reads.incrementAndGet();
      return Future.succeededFuture(stored.get(key));
    }

    @Override
    public Future<List<ApiKey>> list() {
      return Future.succeededFuture(List.copyOf(stored.values()));
    }

    @Override
    public Future<ApiKey> byId(String id) {
      return Future.succeededFuture(stored.values().stream().filter(k -> k.id().equals(id)).findFirst().orElse(null));
    }

    @Override
    public Future<Boolean> worksIn(String owner, String team) {
      return Future.succeededFuture(false);
    }

    @Override
    public Future<Boolean> revoke(String id) {
      return Future.succeededFuture(stored.values().removeIf(k -> k.id().equals(id)));
    }
  }
}
