package nl.webcare.support;

import io.vertx.core.Vertx;
import nl.webcare.app.WebcareApp;

/**
 * A whole Webcare in a process of its own, for the tests that run several: the test configuration on the test Redis
 * under the key prefix of {@code args[0]}, the connector files of {@code args[1]}, the VADER rules as its analyzer (a
 * process starts in seconds instead of loading CoreNLP), the secrets from its environment. Prints
 * {@code READY <http port>} once it serves, then runs until it is killed.
 */
public final class LightWebcareMain {
  private LightWebcareMain() {}

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    WebcareApp app = Await.result(WebcareApp.start(vertx, TestConfig.create(TestRedis.url(), args[0], args[1]),
        RunningApp.LIGHT, System.getenv()), java.time.Duration.ofMinutes(2));
    System.out.println("READY " + app.httpPort());
    System.out.flush();
    Thread.currentThread().join();
  }
}
