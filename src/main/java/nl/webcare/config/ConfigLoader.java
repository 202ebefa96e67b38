package nl.webcare.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the configuration once: YAML defaults in the jar, then the optional file given with
 * {@code --config} or {@code WEBCARE_CONFIG}, then the environment variables in {@link #ENVIRONMENT}.
 * Later sources win. The result is validated here; a bad value fails the future with a
 * {@link ConfigException} that names the key.
 */
public final class ConfigLoader {
  public static final String DEFAULTS_RESOURCE = "webcare-defaults.yaml";

  /** Environment variable to configuration key. Secrets never live in files, only here. */
  public static final Map<String, String> ENVIRONMENT = environmentKeys();

  private final Vertx vertx;

  public ConfigLoader(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<WebcareConfig> load(String configFile, Map<String, String> environment) {
    String file = configFile != null ? configFile : environment.get("WEBCARE_CONFIG");
    boolean hasFile = file != null && !file.isBlank();
    Future<Boolean> fileFound = hasFile ? vertx.fileSystem().exists(file) : Future.succeededFuture(false);
    return fileFound.compose(found -> {
      if (hasFile && !found) {
        return Future.failedFuture(new ConfigException("config file " + file + ": not found"));
      }
      return read(hasFile ? file : null);
    }).map(tree -> validate(withEnvironment(tree, environment)));
  }

  private Future<JsonObject> read(String file) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions()
        .setIncludeDefaultStores(false)
        .setScanPeriod(-1)
        .addStore(yamlStore(DEFAULTS_RESOURCE));
    if (file != null) {
      options.addStore(yamlStore(file));
    }
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
        .eventually(retriever::close)
        .recover(e -> Future.failedFuture(
            new ConfigException("config file " + (file == null ? DEFAULTS_RESOURCE : file) + ": " + e.getMessage())));
  }

  private static ConfigStoreOptions yamlStore(String path) {
    return new ConfigStoreOptions()
        .setType("file")
        .setFormat("yaml")
        .setConfig(new JsonObject().put("path", path));
  }

  static JsonObject withEnvironment(JsonObject tree, Map<String, String> environment) {
    JsonObject merged = tree.copy();
    ENVIRONMENT.forEach((variable, key) -> {
      String value = environment.get(variable);
      if (value != null) {
        put(merged, key, value);
      }
    });
    return merged;
  }

  private static void put(JsonObject root, String key, String value) {
    String[] parts = key.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject child = node.getJsonObject(parts[i]);
      if (child == null) {
        child = new JsonObject();
        node.put(parts[i], child);
      }
      node = child;
    }
    node.put(parts[parts.length - 1], value);
  }

  static WebcareConfig validate(JsonObject tree) {
    ConfigValues v = new ConfigValues(tree);
    WebcareConfig.Worklist worklist = WorklistSettings.read(v);
    return new WebcareConfig(
        new WebcareConfig.Http(v.text("http.host"), v.intIn("http.port", 0, 65535),
            v.intIn("http.maxBodyBytes", 1024, 64 * 1024 * 1024), httpGuards(v)),
        new WebcareConfig.Redis(redisUrl(v), v.text("redis.keyPrefix"), v.text("redis.embedded.dataDir"),
            v.intIn("redis.poolSize", 2, 512), v.intIn("redis.timeoutMs", 100, 60_000), appendfsync(v)),
        new WebcareConfig.Connectors(v.text("connectors.dir"), v.intIn("connectors.requestTimeoutMs", 100, 300_000),
            v.intIn("connectors.maxFeedBytes", 1024, 512 * 1024 * 1024),
            v.millisIn("connectors.retryMaxMs", 100, 86_400_000L), v.millisIn("connectors.leaseMs", 1000, 3_600_000L)),
        new WebcareConfig.Scoring(v.intIn("scoring.workers", 1, 64), v.intIn("scoring.batchSize", 1, 1000),
            v.millisIn("scoring.claimIdleMs", 10, 86_400_000L), v.intIn("scoring.maxAttempts", 1, 100),
            v.intIn("scoring.maxTextChars", 100, 1_000_000), v.millisIn("scoring.idlePollMs", 10, 60_000),
            v.intIn("scoring.deadLetterMax", 100, 10_000_000)),
        new WebcareConfig.Retention(v.millisIn("retention.mentionsMs", 60_000, 3650L * 86_400_000L),
            v.millisIn("retention.closedCasesMs", 60_000, 3650L * 86_400_000L),
            v.millisIn("retention.countHoursMs", 3_600_000L, 3650L * 86_400_000L),
            v.millisIn("retention.countDaysMs", 86_400_000L, 3650L * 86_400_000L)),
        new WebcareConfig.Demo(v.bool("demo.enabled"), v.intIn("demo.port", 0, 65535),
            v.millisIn("demo.pollIntervalMs", 100, 3_600_000L)),
        worklist,
        SlaSettings.read(v, worklist.teams(), worklist.timezone()),
        new WebcareConfig.Auth(adminKey(v), v.intIn("auth.maxFailuresPerMinute", 1, 100_000)),
        new WebcareConfig.Background(v.millisIn("background.housekeepingEveryMs", 1000, 86_400_000L),
            v.millisIn("background.watchEveryMs", 100, 3_600_000L),
            v.intIn("background.alertStreamMaxLength", 1000, 100_000_000), v.intIn("background.parserWorkers", 1, 64)),
        new WebcareConfig.Outbound(allowHosts(v)),
        delivery(v),
        spikes(v, worklist),
        service(v),
        new WebcareConfig.Learning(v.bool("learning.enabled"), v.intIn("learning.minNewLabels", 10, 10_000_000),
            v.millisIn("learning.checkEveryMs", 100, 86_400_000L)));
  }

  private static WebcareConfig.Service service(ConfigValues v) {
    return new WebcareConfig.Service(v.bool("service.analystsSeeAgents"),
        v.millisIn("service.recoveryWindowMs", 3_600_000L, 90L * 86_400_000L),
        new WebcareConfig.Survey(v.bool("service.survey.enabled"), v.textList("service.survey.teams"),
            v.textList("service.survey.channels"), v.millisIn("service.survey.tokenLifetimeMs", 3_600_000L,
            90L * 86_400_000L), v.millisIn("service.survey.perCustomerMs", 0, 365L * 86_400_000L)));
  }

  private static WebcareConfig.Spikes spikes(ConfigValues v, WebcareConfig.Worklist worklist) {
    String team = v.text("spikes.incidentTeam");
    if (!worklist.teams().contains(team)) {
      throw ConfigValues.invalid("spikes.incidentTeam", team, "one of worklist.teams " + worklist.teams());
    }
    return new WebcareConfig.Spikes(v.bool("spikes.enabled"), v.millisIn("spikes.checkEveryMs", 100, 900_000L),
        v.doubleIn("spikes.sensitivity", 1, 20), v.intIn("spikes.minCount", 1, 1_000_000),
        v.doubleIn("spikes.baselineFloor", 0, 1_000_000), v.millisIn("spikes.cooldownMs", 0, 7 * 86_400_000L),
        v.bool("spikes.openIncident"), team, v.bool("spikes.tightenSla"));
  }

  private static WebcareConfig.Delivery delivery(ConfigValues v) {
    String publicUrl = v.optionalText("delivery.publicUrl");
    if (publicUrl != null && !publicUrl.matches("https?://[A-Za-z0-9.\\[\\]:-]+(/[^\\s?#]*)?")) {
      throw ConfigValues.invalid("delivery.publicUrl", publicUrl, "the address people open Webcare at, such as "
          + "https://webcare.example.nl");
    }
    return new WebcareConfig.Delivery(publicUrl == null ? "" : publicUrl,
        v.millisIn("delivery.streamHeartbeatMs", 100, 300_000), v.intIn("delivery.streamsPerKey", 1, 1000),
        v.intIn("delivery.streamBufferBytes", 1024, 64 * 1024 * 1024),
        v.millisIn("delivery.webhookTimeoutMs", 100, 300_000),
        v.intIn("delivery.webhookMaxResponseBytes", 1024, 16 * 1024 * 1024),
        v.millisIn("delivery.webhookFirstRetryMs", 10, 3_600_000L),
        v.millisIn("delivery.webhookMaxRetryMs", 10, 86_400_000L),
        v.millisIn("delivery.webhookGiveUpMs", 100, 7 * 86_400_000L),
        v.millisIn("delivery.refreshEveryMs", 50, 600_000L), v.millisIn("delivery.idlePollMs", 10, 60_000L),
        v.millisIn("delivery.leaseMs", 1000, 3_600_000L));
  }


  private static WebcareConfig.Guards httpGuards(ConfigValues v) {
    java.util.List<String> origins = v.textList("http.corsOrigins");
    for (String origin : origins) {
      if (!origin.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
        throw ConfigValues.invalid("http.corsOrigins", origin, "origins such as https://dashboard.example");
      }
    }
    String keyStore = v.optionalText("http.tls.keyStore");
    String password = v.optionalText("http.tls.keyStorePassword");
    if (keyStore != null && password == null) {
      throw ConfigValues.invalid("http.tls.keyStorePassword", "(unset)", "the key store's password in "
          + "WEBCARE_TLS_KEYSTORE_PASSWORD");
    }
    return new WebcareConfig.Guards(v.millisIn("http.headerTimeoutMs", 100, 600_000),
        v.millisIn("http.bodyTimeoutMs", 100, 3_600_000), v.millisIn("http.idleTimeoutMs", 1000, 3_600_000),
        v.intIn("http.maxConnections", 1, 1_000_000), origins, keyStore, password);
  }

  /** {@code outbound.allowHosts}: a list, or one comma-separated text (from WEBCARE_OUTBOUND_ALLOW_HOSTS). */
  private static java.util.List<String> allowHosts(ConfigValues v) {
    // each entry is read (and refused with its name) where the guard is built, at start
    return v.textList("outbound.allowHosts");
  }

  private static String appendfsync(ConfigValues v) {
    String value = v.text("redis.embedded.appendfsync");
    if (!value.equals("everysec") && !value.equals("always")) {
      throw ConfigValues.invalid("redis.embedded.appendfsync", value, "everysec or always");
    }
    return value;
  }

  private static String adminKey(ConfigValues v) {
    String key = v.optionalText("auth.adminKey");
    if (key != null && key.length() < 24) {
      throw ConfigValues.invalid("auth.adminKey", "(hidden)", "a key of at least 24 characters");
    }
    return key;
  }

  private static String redisUrl(ConfigValues v) {
    String url = v.optionalText("redis.url");
    if (url == null) {
      return null;
    }
    try {
      nl.webcare.store.RedisUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw ConfigValues.invalid("redis.url", url.replaceAll("//[^@/]*@", "//***@"), nl.webcare.store.RedisUrl.USAGE
          + " (" + e.getMessage() + ")");
    }
    return url;
  }

  private static Map<String, String> environmentKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("WEBCARE_HTTP_HOST", "http.host");
    keys.put("WEBCARE_HTTP_PORT", "http.port");
    keys.put("REDIS_URL", "redis.url");
    keys.put("WEBCARE_REDIS_KEY_PREFIX", "redis.keyPrefix");
    keys.put("WEBCARE_DATA_DIR", "redis.embedded.dataDir");
    keys.put("WEBCARE_REDIS_APPENDFSYNC", "redis.embedded.appendfsync");
    keys.put("WEBCARE_CONNECTORS_DIR", "connectors.dir");
    keys.put("WEBCARE_SCORING_WORKERS", "scoring.workers");
    keys.put("WEBCARE_DEMO", "demo.enabled");
    keys.put("WEBCARE_DEMO_PORT", "demo.port");
    keys.put("WEBCARE_ADMIN_KEY", "auth.adminKey");
    keys.put("WEBCARE_OUTBOUND_ALLOW_HOSTS", "outbound.allowHosts");
    keys.put("WEBCARE_CORS_ORIGINS", "http.corsOrigins");
    keys.put("WEBCARE_TLS_KEYSTORE", "http.tls.keyStore");
    keys.put("WEBCARE_TLS_KEYSTORE_PASSWORD", "http.tls.keyStorePassword");
    keys.put("WEBCARE_PUBLIC_URL", "delivery.publicUrl");
    return Map.copyOf(keys);
  }
}
