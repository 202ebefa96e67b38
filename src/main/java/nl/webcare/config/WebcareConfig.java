package nl.webcare.config;

import java.time.Duration;

/**
 * The whole configuration, read and validated once at start by {@link ConfigLoader}.
 * Nested records group the keys the way the YAML file does.
 */
public record WebcareConfig(
    Http http,
    Redis redis,
    Connectors connectors,
    Scoring scoring,
    Retention retention,
    Demo demo,
    Worklist worklist,
    nl.webcare.sla.SlaPolicy sla,
    Auth auth,
    Background background,
    Outbound outbound,
    Delivery delivery,
    Spikes spikes,
    Service service,
    Learning learning) {

  /** This configuration with other alert-delivery settings (tests, benchmarks). */
  public WebcareConfig withDelivery(Delivery other) {
    return new WebcareConfig(http, redis, connectors, scoring, retention, demo, worklist, sla, auth, background,
        outbound, other, spikes, service, learning);
  }

  /** This configuration with other service-report and survey settings (tests). */
  public WebcareConfig withService(Service other) {
    return new WebcareConfig(http, redis, connectors, scoring, retention, demo, worklist, sla, auth, background,
        outbound, delivery, spikes, other, learning);
  }

  /** This configuration with other learning settings (tests). */
  public WebcareConfig withLearning(Learning other) {
    return new WebcareConfig(http, redis, connectors, scoring, retention, demo, worklist, sla, auth, background,
        outbound, delivery, spikes, service, other);
  }

  /** This configuration with other spike-detection settings (tests, benchmarks). */
  public WebcareConfig withSpikes(Spikes other) {
    return new WebcareConfig(http, redis, connectors, scoring, retention, demo, worklist, sla, auth, background,
        outbound, delivery, other, service, learning);
  }

  /** HTTP API listener. {@code port} 0 picks a free port (tests). */
  public record Http(String host, int port, int maxBodyBytes, Guards guards) {
    /** A listener with the default guards (tests, benchmarks). */
    public Http(String host, int port, int maxBodyBytes) {
      this(host, port, maxBodyBytes, Guards.DEFAULTS);
    }
  }

  /**
   * What the HTTP server holds every client to: {@code headerTimeout} to send a request's headers,
   * {@code bodyTimeout} to send its body, {@code idleTimeout} of silence on a kept-alive connection, at most
   * {@code maxConnections} open at once; cross-origin requests from {@code corsOrigins} only (none by default);
   * TLS when {@code tlsKeyStore} (a PKCS#12 file) is given, its password from {@code WEBCARE_TLS_KEYSTORE_PASSWORD}.
   */
  public record Guards(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, int maxConnections,
      java.util.List<String> corsOrigins, String tlsKeyStore, String tlsKeyStorePassword) {
    public static final Guards DEFAULTS = new Guards(Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(60), 2000, java.util.List.of(), null, null);

    public Guards {
      corsOrigins = java.util.List.copyOf(corsOrigins);
    }
  }

  /**
   * Redis. {@code url} null means: start the embedded server with append-only persistence under
   * {@code embeddedDataDir}. {@code keyPrefix} lets several deployments (or tests) share one server.
   */
  public record Redis(String url, String keyPrefix, String embeddedDataDir, int poolSize, int timeoutMs,
      String embeddedAppendfsync) {
    /** With the default durability of the embedded server: everysec. */
    public Redis(String url, String keyPrefix, String embeddedDataDir, int poolSize, int timeoutMs) {
      this(url, keyPrefix, embeddedDataDir, poolSize, timeoutMs, "everysec");
    }

    public boolean embedded() {
      return url == null;
    }
  }

  /** Where connector instances live and how polls behave. */
  public record Connectors(
      String dir, int requestTimeoutMs, int maxFeedBytes, Duration retryMax, Duration lease) {}

  /**
   * Scorer workers: {@code workers} parallel CoreNLP jobs, {@code claimIdle} after which a crashed
   * consumer's pending message is taken over, {@code maxAttempts} before it goes to the dead letters,
   * {@code maxTextChars} the prefix of a long text that is scored, {@code idlePoll} how long one read of the mention
   * stream waits in Redis for the next mention (XREADGROUP BLOCK; a mention is read the moment it comes).
   */
  public record Scoring(
      int workers, int batchSize, Duration claimIdle, int maxAttempts, int maxTextChars, Duration idlePoll,
      long deadLetterMax) {
    /** With the default cap of 10,000 dead letters. */
    public Scoring(int workers, int batchSize, Duration claimIdle, int maxAttempts, int maxTextChars,
        Duration idlePoll) {
      this(workers, batchSize, claimIdle, maxAttempts, maxTextChars, idlePoll, 10_000);
    }
  }

  /**
   * How long personal data is kept: mentions, their dedup markers, author indexes and alerts
   * ({@code mentions}); resolved and dismissed cases with their notes and replies ({@code closedCases}); the
   * marketing counts, which hold no personal data, per hour ({@code countHours}) and per day ({@code countDays}).
   */
  public record Retention(Duration mentions, Duration closedCases, Duration countHours, Duration countDays) {
    public Retention(Duration mentions, Duration closedCases) {
      this(mentions, closedCases, Duration.ofDays(35), Duration.ofDays(400));
    }
  }

  /**
   * Cases: a new mention by the same author on the same channel within {@code groupingWindow} joins
   * their case; {@code teams} are the queues, {@code routing} the rules that fill them (first match),
   * {@code defaultTeam} takes the rest; {@code timezone} is the brand's (business hours, confirmation texts).
   */
  public record Worklist(Duration groupingWindow, String defaultTeam, java.util.List<String> teams,
      java.util.List<nl.webcare.worklist.RoutingRule> routing, java.time.ZoneId timezone) {}

  /** API keys: {@code adminKey} (from {@code WEBCARE_ADMIN_KEY}) is stored as an admin key at start; null: none. */
  public record Auth(String adminKey, int maxFailuresPerMinute) {
    /** With the default limit of failed authentications: 20 a minute from one address. */
    public Auth(String adminKey) {
      this(adminKey, 20);
    }
  }

  /**
   * Background work: housekeeping every {@code housekeepingEvery}; snoozes, SLA clocks and backlog gauges every
   * {@code watchEvery}; the alert stream is capped near {@code alertStreamMaxLength} entries; feeds are parsed on
   * {@code parserWorkers} threads.
   */
  public record Background(Duration housekeepingEvery, Duration watchEvery, long alertStreamMaxLength,
      int parserWorkers) {}

  /**
   * Outbound requests: besides the public internet, the hosts, addresses and ranges ({@code 10.1.0.0/16}) in
   * {@code allowHosts} may be fetched; everything internal (loopback, private, link-local ...) is refused otherwise.
   */
  public record Outbound(java.util.List<String> allowHosts) {
    public Outbound {
      allowHosts = java.util.List.copyOf(allowHosts);
    }
  }

  /**
   * Alert delivery. {@code publicUrl}: where people open Webcare (links in Slack, Teams and the Atom feed; empty:
   * no links). Live streams: a heartbeat comment every {@code streamHeartbeat}, at most {@code streamsPerKey} open
   * per API key (all processes together), a client dropped once {@code streamBufferBytes} wait unsent. Webhooks:
   * each request has {@code webhookTimeout} and reads at most {@code webhookMaxResponseBytes} of the answer; a
   * failure is retried after {@code webhookFirstRetry}, doubling up to {@code webhookMaxRetry}, until
   * {@code webhookGiveUp} after the first failure; subscriptions are looked up every {@code refreshEvery} and an
   * idle subscription looks at the stream every {@code idlePoll} (sooner when the live reader sees a new alert); a
   * process holds a subscription by a lease of {@code lease}, so a killed process's subscriptions move on after it.
   */
  public record Delivery(String publicUrl, Duration streamHeartbeat, int streamsPerKey, int streamBufferBytes,
      Duration webhookTimeout, int webhookMaxResponseBytes, Duration webhookFirstRetry, Duration webhookMaxRetry,
      Duration webhookGiveUp, Duration refreshEvery, Duration idlePoll, Duration lease) {
    public static final Delivery DEFAULTS = new Delivery("", Duration.ofSeconds(15), 5, 256 * 1024,
        Duration.ofSeconds(10), 64 * 1024, Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24),
        Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(30));
  }

  /** Demo mode: sample feeds served from the jar on {@code port} (0 = free port) and polled. */
  public record Demo(boolean enabled, int port, Duration pollInterval) {}

  /**
   * The spike detector over each brand's negative volume (see {@code nl.webcare.analytics.SpikeDetector}): checked
   * every {@code checkEvery}; a trailing 15-minute count at or above {@code max(minCount, baseline + sensitivity x
   * spread)} starts a spike, the baseline never below {@code baselineFloor} per window; a spike that ended leaves
   * its brand (or channel) quiet for {@code cooldown}. A spike opens an incident case in {@code incidentTeam}'s queue
   * when {@code openIncident}, and while it lasts new cases about its aspects get the crisis SLA band when
   * {@code tightenSla}.
   */
  public record Spikes(boolean enabled, Duration checkEvery, double sensitivity, int minCount, double baselineFloor,
      Duration cooldown, boolean openIncident, String incidentTeam, boolean tightenSla) {
    public static final Spikes DEFAULTS = new Spikes(true, Duration.ofSeconds(30), 4.0, 10, 2.0, Duration.ofHours(1),
        true, "care", true);
  }

  /**
   * What the service report shows and measures: agent names to analysts only when {@code analystsSeeAgents}; a
   * customer's tone {@code recoveryWindow} before and after a case; the satisfaction survey.
   */
  public record Service(boolean analystsSeeAgents, Duration recoveryWindow, Survey survey) {
    public static final Service DEFAULTS = new Service(false, Duration.ofDays(14), Survey.OFF);
  }

  /**
   * The one-question survey a closing reply may carry: off by default; on for the listed teams and channels (empty:
   * all of them); its link is valid for {@code tokenLifetime}; a customer is asked at most once per
   * {@code perCustomer}.
   */
  public record Survey(boolean enabled, java.util.List<String> teams, java.util.List<String> channels,
      Duration tokenLifetime, Duration perCustomer) {
    public static final Survey OFF = new Survey(false, java.util.List.of(), java.util.List.of(), Duration.ofDays(14),
        Duration.ofDays(30));

    public Survey {
      teams = java.util.List.copyOf(teams);
      channels = java.util.List.copyOf(channels);
    }

    /** Whether a case of this team on this channel gets the survey. */
    public boolean asks(String team, String channel) {
      return enabled && (teams.isEmpty() || teams.contains(team))
          && (channels.isEmpty() || channel != null && channels.contains(channel));
    }
  }

  /**
   * Learning from the team: every {@code checkEvery} a process looks for a brand, language and task with at least
   * {@code minNewLabels} labels since its last training, trains a model on them, and promotes it when it beats the
   * current one on the labels held back; the service then decides whether a mention needs a reply with it.
   */
  public record Learning(boolean enabled, int minNewLabels, Duration checkEvery) {
    public static final Learning DEFAULTS = new Learning(true, 200, Duration.ofMinutes(10));
  }
}
