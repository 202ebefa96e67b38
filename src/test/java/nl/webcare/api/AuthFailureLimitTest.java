package nl.webcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import java.util.Map;
import nl.webcare.app.WebcareApp;
import nl.webcare.config.WebcareConfig;
import nl.webcare.support.ApiClient;
import nl.webcare.support.Await;
import nl.webcare.support.RunningApp;
import nl.webcare.support.TestConfig;
import nl.webcare.support.TestRedis;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Keys cannot be guessed at speed: failures per address are limited for every process, and logged by a hash. */
class AuthFailureLimitTest {

  @Test
  void wrongKeysFromOneAddressAreRefusedWith429AfterTheLimitAndLoggedByAHash() {
    String prefix = TestRedis.newPrefix();
    Vertx vertx = Vertx.vertx();
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    ((Logger) LoggerFactory.getLogger(Authentication.class)).addAppender(log);
    try {
      WebcareConfig base = TestConfig.create(TestRedis.url(), prefix, TestRedis.tempDir().toString());
      WebcareConfig config = new WebcareConfig(base.http(), base.redis(), base.connectors(), base.scoring(),
          base.retention(), base.demo(), base.worklist(), base.sla(), new WebcareConfig.Auth(TestConfig.ADMIN_KEY, 5),
          base.background(), base.outbound(), base.delivery(), base.spikes(), base.service(), base.learning());
      WebcareApp app = Await.result(WebcareApp.start(vertx, config, RunningApp.LIGHT, Map.of()));
      try {
        // GIVEN five wrong keys from this address: each 401
        for (int i = 0; i < 5; i++) {
          assertThat(new ApiClient(app.httpPort(), "wck_guess-" + i).get("/api/v1/worklist").status()).isEqualTo(401);
        }
        // WHEN a sixth comes, or even the right key, from the same address
        ApiClient.Answer sixth = new ApiClient(app.httpPort(), "wck_guess-5").get("/api/v1/worklist");
        ApiClient.Answer right = new ApiClient(app.httpPort()).get("/api/v1/worklist");
        // THEN both wait for the minute to end
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.json().getString("error")).isEqualTo("rate_limited");
        assertThat(right.status()).isEqualTo(429);
        // AND the log names each refused key by a hash, never the key
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
            .anySatisfy(line -> assertThat(line).startsWith("refused API key sha256:"))
            .noneSatisfy(line -> assertThat(line).contains("wck_guess"));
      } finally {
        Await.result(app.stop());
      }
    } finally {
      ((Logger) LoggerFactory.getLogger(Authentication.class)).detachAppender(log);
      Await.result(vertx.close());
      TestRedis.cleanup(prefix);
    }
  }
}
