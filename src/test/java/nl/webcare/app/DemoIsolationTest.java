package nl.webcare.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Set;
import nl.webcare.access.RedisApiKeyStore;
import nl.webcare.access.Role;
import nl.webcare.demo.DemoConnectors;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.RedisFixture;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestConfig;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.Test;

/** The demo's well-known admin key never opens a brand's Webcare, and demo data never mixes with real data. */
class DemoIsolationTest {

  @Test
  void aDemoKeyLeftFromAnEarlierBuildIsRevokedByANormalStart() {
    try (RedisFixture fixture = new RedisFixture()) {
      // GIVEN a Redis where an older build stored the demo key among the real keys
      Await.result(new RedisApiKeyStore(fixture.redis).bootstrapAdmin(DemoConnectors.DEMO_ADMIN_KEY));
      Vertx vertx = Vertx.vertx();
      try {
        // WHEN Webcare starts normally on it
        WebcareApp app = Await.result(WebcareApp.start(vertx, TestConfig.create(TestRedis.url(), fixture.prefix,
            TestRedis.tempDir().toString()), RunningApp.LIGHT, Map.of()));
        // THEN the demo key is refused, the configured admin key works
        ApiClient demoKey = new ApiClient(app.httpPort(), DemoConnectors.DEMO_ADMIN_KEY);
        assertThat(demoKey.get("/api/v1/worklist").status()).isEqualTo(401);
        assertThat(new ApiClient(app.httpPort()).get("/api/v1/worklist").status()).isEqualTo(200);
        Await.result(app.stop());
      } finally {
        Await.result(vertx.close());
      }
    }
  }

  @Test
  void aDemoKeepsItsDataAndItsKeyUnderItsOwnPrefix() {
    Vertx vertx = Vertx.vertx();
    try (RedisFixture real = new RedisFixture()) {
      // GIVEN a brand's keys on this Redis
      String brandKey = Await.result(new RedisApiKeyStore(real.redis).create("ann", Role.AGENT, Set.of(), "admin"))
          .key();
      // WHEN a demo starts on the same Redis and prefix
      WebcareApp demo = Await.result(WebcareApp.start(vertx, TestConfig.demo(TestRedis.url(), real.prefix,
          TestRedis.tempDir().toString()), RunningApp.LIGHT, Map.of()));
      // THEN it writes under its own prefix: the brand's key is unknown there, the demo key works there only
      assertThat(demo.redis().keys().prefix()).isEqualTo(real.prefix + DemoConnectors.KEY_PREFIX);
      assertThat(new ApiClient(demo.httpPort(), brandKey).get("/api/v1/worklist").status()).isEqualTo(401);
      assertThat(new ApiClient(demo.httpPort(), DemoConnectors.DEMO_ADMIN_KEY).get("/api/v1/worklist").status())
          .isEqualTo(200);
      assertThat(Await.result(new RedisApiKeyStore(real.redis).find(DemoConnectors.DEMO_ADMIN_KEY))).isNull();
      Await.result(demo.stop());
    } finally {
      Await.result(vertx.close());
    }
  }
}
