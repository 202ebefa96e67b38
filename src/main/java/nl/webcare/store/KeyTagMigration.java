package nl.webcare.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames the keys of a store written before the key names had hash tags ({@link RedisKeys}) to their tagged names,
 * once, at start: {@code webcare:case:WC-1} becomes {@code webcare:{work}:case:WC-1}, {@code webcare:mentions} (the
 * stream, with its consumer group and pending entries) {@code webcare:{inbox}:mentions}, and so on. Keys used alone
 * keep their names. Done when a marker key exists, so later starts cost one EXISTS. Only a store on one node can
 * hold such keys (the scripts of before could not run on a cluster), so a cluster only gets the marker.
 *
 * <p>Stop every process of the version before first: one still running would write old names again.
 */
public final class KeyTagMigration {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeyTagMigration.class);
  private static final Pattern COUNTS = Pattern.compile("^counts:(.+?):(hour:.+|day:.+|negmin:.+|negrecent|since)$");
  private static final Pattern AUTHOR = Pattern.compile("^author:(.+):(mentions|cases)$");
  private static final Pattern HANDLE = Pattern.compile("^handle:(.+):channels$");
  private static final Pattern LABEL = Pattern.compile("^mention:(.+):label:([a-z-]+)$");

  private final RedisGateway redis;

  public KeyTagMigration(RedisGateway redis) {
    this.redis = redis;
  }

  /** Renames what is left of the old names; the number of keys renamed. */
  public Future<Integer> run() {
    RedisKeys keys = redis.keys();
    String done = keys.worklistVersion() + ":tagged";
    return redis.call(jedis -> {
      if (jedis.exists(done)) {
        return 0;
      }
      int[] renamed = {0};
      if (!redis.clustered()) {
        RedisGateway.scanKeys(jedis, keys.prefix() + "*", page -> {
          for (String old : page) {
            String now = tagged(keys, old);
            if (now == null) {
              continue;
            }
            try {
              if (jedis.renamenx(old, now) == 1) {
                renamed[0]++;
              } else {
                LOG.warn("key {} not renamed: {} exists already (written since the upgrade); the old one is kept",
                    old, now);
              }
            } catch (redis.clients.jedis.exceptions.JedisDataException gone) {
              // renamed by another process starting at the same time, or expired meanwhile
            }
          }
        });
        // the registry of mention indexes holds key names: housekeeping builds it again from the tagged names
        jedis.del(keys.prefix() + "mentions:indexes", keys.prefix() + "mentions:indexes:scanned",
            keys.mentionIndexes(), keys.mentionIndexes() + ":scanned");
      }
      jedis.set(done, Long.toString(System.currentTimeMillis()));
      if (renamed[0] > 0) {
        LOG.info("{} key(s) renamed to their hash-tagged names", renamed[0]);
      }
      return renamed[0];
    });
  }

  /** The tagged name of a key of before, or null when the key is tagged already or keeps its name. */
  static String tagged(RedisKeys keys, String key) {
    if (!key.startsWith(keys.prefix()) || key.indexOf('{', keys.prefix().length()) >= 0) {
      return null;
    }
    String rest = key.substring(keys.prefix().length());
    switch (rest) {
      case "mentions":
        return keys.mentionStream();
      case "mentions:dead":
        return keys.deadLetterStream();
      case "mentions:attempts":
        return keys.scoringAttempts();
      case "mentions:errors":
        return keys.scoringErrors();
      case "mentions:indexes", "mentions:indexes:scanned":
        return null; // removed: built again
      case "worklist:version":
        return keys.worklistVersion();
      case "alerts":
        return keys.alertStream();
      case "apikeys":
        return keys.apiKeyIds();
      case "spikes:brands":
        return null; // used alone
      default:
        break;
    }
    Matcher m;
    if (rest.startsWith("seen:")) {
      return keys.seen(rest.substring("seen:".length()));
    }
    if (rest.startsWith("mentions:idx:")) {
      return keys.in(RedisKeys.MENTIONS, rest);
    }
    if ((m = AUTHOR.matcher(rest)).matches()) {
      return m.group(2).equals("mentions") ? keys.authorMentions(m.group(1)) : keys.authorCases(m.group(1));
    }
    if ((m = HANDLE.matcher(rest)).matches()) {
      return keys.handleChannels(m.group(1));
    }
    if ((m = COUNTS.matcher(rest)).matches()) {
      return keys.ofBrand(m.group(1), rest);
    }
    if ((m = LABEL.matcher(rest)).matches()) {
      return keys.teamLabel(m.group(1), m.group(2));
    }
    if (rest.startsWith("labels:")) {
      return keys.in(RedisKeys.LABELS, rest);
    }
    if (rest.startsWith("model:") || rest.startsWith("models:") && !rest.startsWith("models:lease:")) {
      return keys.in(RedisKeys.MODELS, rest);
    }
    if (rest.startsWith("apikey:")) {
      return keys.in(RedisKeys.ACCESS, rest);
    }
    for (String work : List.of("case:", "cases:", "subscription:", "subscriptions", "spike:", "spikes:")) {
      if (rest.startsWith(work)) {
        return keys.in(RedisKeys.WORK, rest);
      }
    }
    return null; // a key used alone: its name stays
  }
}
