package nl.webcare.store;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.HostAndPort;

/**
 * Where Redis is: {@code redis://[user:password@]host:port[/db]} or {@code rediss://...} (TLS) for one node, or
 * {@code redis-sentinel://[user:password@]host:port,host:port/master-name[/db]} for a primary that Redis Sentinel
 * watches (the user and password are the data nodes'; the sentinels answer without), or
 * {@code redis-cluster://[user:password@]host:port,host:port} (or {@code rediss-cluster://}) for a Redis Cluster: any
 * of its nodes will do to learn the rest; a cluster has only database 0.
 *
 * @param hosts      the node, the sentinels, or some nodes of the cluster
 * @param masterName the name the sentinels know the primary by; null otherwise
 * @param cluster    true for a Redis Cluster
 */
public record RedisUrl(boolean tls, String user, String password, int database, List<HostAndPort> hosts,
    String masterName, boolean cluster) {
  public static final String USAGE = "redis://host:port, rediss://host:port, redis-sentinel://host:port,host:port/master,"
      + " or redis-cluster://host:port,host:port";

  public RedisUrl {
    hosts = List.copyOf(hosts);
  }

  public boolean sentinel() {
    return masterName != null;
  }

  /** Parses it; throws {@link IllegalArgumentException} saying what is wrong. */
  public static RedisUrl parse(String url) {
    int colon = url.indexOf("://");
    if (colon < 0) {
      throw new IllegalArgumentException("not a Redis URL: " + USAGE);
    }
    String scheme = url.substring(0, colon);
    boolean sentinel = scheme.equals("redis-sentinel");
    boolean cluster = scheme.equals("redis-cluster") || scheme.equals("rediss-cluster");
    if (!sentinel && !cluster && !scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException("unknown scheme " + scheme + ": " + USAGE);
    }
    String rest = url.substring(colon + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    String user = null;
    String password = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String[] userInfo = authority.substring(0, at).split(":", 2);
      if (userInfo.length == 2) {
        user = userInfo[0].isEmpty() ? null : decode(userInfo[0]);
        password = decode(userInfo[1]);
      } else {
        password = decode(userInfo[0]);
      }
      authority = authority.substring(at + 1);
    }
    List<HostAndPort> hosts = new ArrayList<>();
    for (String host : authority.split(",")) {
      hosts.add(hostAndPort(host, sentinel ? 26379 : 6379));
    }
    if (!sentinel && !cluster && hosts.size() != 1) {
      throw new IllegalArgumentException("one host for " + scheme + "://; several sentinels take redis-sentinel://,"
          + " several cluster nodes redis-cluster://");
    }
    String[] parts = path.isEmpty() ? new String[0] : path.split("/");
    String master = null;
    String db = null;
    if (sentinel) {
      if (parts.length == 0 || parts[0].isBlank()) {
        throw new IllegalArgumentException("redis-sentinel:// needs the master's name as its path: " + USAGE);
      }
      master = parts[0];
      db = parts.length > 1 ? parts[1] : null;
    } else {
      db = parts.length > 0 ? parts[0] : null;
    }
    if (cluster && db != null && !db.isEmpty() && !db.equals("0")) {
      throw new IllegalArgumentException("a Redis Cluster has only database 0, got " + db);
    }
    int database;
    try {
      database = db == null || db.isEmpty() ? 0 : Integer.parseInt(db);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the database must be a number, got " + db);
    }
    return new RedisUrl(scheme.startsWith("rediss"), user, password, database, hosts, master, cluster);
  }

  private static HostAndPort hostAndPort(String text, int defaultPort) {
    try {
      URI uri = URI.create("redis://" + text);
      if (uri.getHost() == null || uri.getHost().isBlank()) {
        throw new IllegalArgumentException("no host in " + text);
      }
      return new HostAndPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : defaultPort);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a host:port: " + text, e);
    }
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
