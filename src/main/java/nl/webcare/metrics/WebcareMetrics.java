package nl.webcare.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worklist's own metrics, next to Vert.x's (HTTP, event bus, pools) in one Prometheus registry:
 * claims, replies per channel, first-response time per team and channel, SLA breaches per target, and the
 * backlog per team and per state (read from Redis by {@link BacklogGaugesVerticle}). Counters count this
 * process; Prometheus sums them over processes. No personal data in any label.
 */
public final class WebcareMetrics {
  private final PrometheusMeterRegistry registry;
  private final Map<String, AtomicLong> backlogByTeam = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> casesByState = new ConcurrentHashMap<>();

  public WebcareMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** A registry of its own, for tests and for runs without Vert.x metrics. */
  public static WebcareMetrics standalone() {
    return new WebcareMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void claimed(String team) {
    Counter.builder("webcare.case.claims").description("Cases claimed by an agent").tag("team", tag(team))
        .register(registry).increment();
  }

  public void replied(String channel, boolean throughChannel) {
    Counter.builder("webcare.replies").description("Replies to customers")
        .tag("channel", tag(channel)).tag("via", throughChannel ? "channel" : "elsewhere").register(registry).increment();
  }

  /** 1, 5, 15 and 30 minutes, 1, 2, 4 and 8 hours, a day: around the SLA targets of every band. */
  private static final double[] FIRST_RESPONSE_BUCKETS = {60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400};

  public void firstResponse(String team, String channel, Duration took) {
    DistributionSummary.builder("webcare.first.response.seconds").description("Time from case opened to first reply")
        .baseUnit("seconds").tag("team", tag(team)).tag("channel", tag(channel))
        // buckets, not percentiles: Prometheus adds buckets across processes and over any window, while client-side
        // percentiles fall to 0 once their window has no replies in it
        .serviceLevelObjectives(FIRST_RESPONSE_BUCKETS).register(registry).record(took.toMillis() / 1000.0);
  }

  /** A minute to a week: resolution takes from minutes (a quick answer) to days (a repair visit). */
  private static final double[] RESOLUTION_BUCKETS = {60, 900, 3600, 14_400, 28_800, 86_400, 259_200, 604_800};
  /** 30 s to 4 h: what an agent spends on a case. */
  private static final double[] HANDLE_BUCKETS = {30, 60, 180, 300, 600, 1200, 1800, 3600, 7200, 14_400};

  /** A case resolved: how long from opening, and how long agents held it (handle time). */
  public void resolved(String team, String channel, Duration resolution, Duration handle) {
    DistributionSummary.builder("webcare.resolution.seconds").description("Time from case opened to resolved")
        .baseUnit("seconds").tag("team", tag(team)).tag("channel", tag(channel))
        .serviceLevelObjectives(RESOLUTION_BUCKETS).register(registry).record(resolution.toMillis() / 1000.0);
    DistributionSummary.builder("webcare.handle.seconds").description("Time agents held a case, claim to reply or "
        + "resolve, per resolved case").baseUnit("seconds").tag("team", tag(team)).tag("channel", tag(channel))
        .serviceLevelObjectives(HANDLE_BUCKETS).register(registry).record(handle.toMillis() / 1000.0);
  }

  public void slaBreached(String target) {
    Counter.builder("webcare.sla.breaches").description("SLA targets missed").tag("target", target)
        .register(registry).increment();
  }

  /** Sets the number of active cases of a team (registered on first sight). */
  public void backlog(String team, long cases) {
    backlogByTeam.computeIfAbsent(team, t -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder("webcare.backlog", value, AtomicLong::get).description("Active cases per team").tag("team", t)
          .register(registry);
      return value;
    }).set(cases);
  }

  /** Sets the number of cases in a state. */
  public void cases(String state, long cases) {
    casesByState.computeIfAbsent(state, s -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder("webcare.cases", value, AtomicLong::get).description("Cases per state").tag("state", s)
          .register(registry);
      return value;
    }).set(cases);
  }

  private static String tag(String value) {
    return value == null ? "unknown" : value;
  }
}
