package nl.webcare.support;

import io.vertx.core.Vertx;
import nl.webcare.store.RedisGateway;

/** Vert.x plus a gateway to the test Redis under a fresh key prefix; {@link #close} removes the keys. */
public final class RedisFixture implements AutoCloseable {
  public final Vertx vertx = Vertx.vertx();
  public final String prefix = TestRedis.newPrefix();
  public final RedisGateway redis = RedisGateway.connect(vertx, TestRedis.url(), prefix, 16, 2000);

  @Override
  public void close() {
    Await.result(vertx.close());
    redis.close();
    TestRedis.cleanup(prefix);
  }
}
