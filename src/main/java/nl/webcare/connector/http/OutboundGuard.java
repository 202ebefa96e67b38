package nl.webcare.connector.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.webcare.connector.ConnectorException;

/**
 * The one check every outbound request passes, at every hop: http or https only, and a host whose addresses are
 * all public unless the configuration allows it ({@code outbound.allowHosts}: host names, addresses or ranges such
 * as {@code 10.1.0.0/16}). It answers the address it checked, and the caller connects to that address, so a DNS
 * answer that changes between check and connect (rebinding) cannot lead the request elsewhere. Resolving is
 * blocking: call {@link #check} on a worker.
 */
public final class OutboundGuard {
  /** What may be requested: the URI, and the address to connect to. */
  public record Target(URI uri, InetAddress address, int port) {}

  /** An allowed host, address range, or exact endpoint. */
  private record Allowed(String host, byte[] network, int prefix, int port) {
    boolean matchesHost(String name, int p) {
      return host != null && host.equals(name) && (port < 0 || port == p);
    }

    boolean matchesAddress(InetAddress address, int p) {
      return network != null && (port < 0 || port == p) && inRange(address.getAddress(), network, prefix);
    }
  }

  private final List<Allowed> allowed;

  private OutboundGuard(List<Allowed> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** A guard that allows these hosts and ranges besides the public internet; fails naming an entry it cannot read. */
  public static OutboundGuard allowing(List<String> entries) {
    List<Allowed> parsed = new ArrayList<>();
    for (String entry : entries) {
      parsed.add(parse(entry.trim()));
    }
    return new OutboundGuard(parsed);
  }

  /** This guard, also allowing exactly {@code host:port} (the demo's own sample-feed server). */
  public OutboundGuard allowingEndpoint(String host, int port) {
    List<Allowed> more = new ArrayList<>(allowed);
    more.add(new Allowed(host.toLowerCase(Locale.ROOT), null, 0, port));
    literal(host).ifPresent(a -> more.add(new Allowed(null, a.getAddress(), a.getAddress().length * 8, port)));
    return new OutboundGuard(more);
  }

  /**
   * The address to connect to for {@code uri}, or a {@link ConnectorException} that says why not (naming the host,
   * never the whole URL, which may carry a key).
   */
  public Target check(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConnectorException("refused: only http and https are fetched, not " + (scheme.isEmpty() ? "a URL"
          + " without a scheme" : scheme + ":"));
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new ConnectorException("refused: the URL names no host");
    }
    String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(name);
    } catch (UnknownHostException e) {
      throw new ConnectorException("could not resolve the host " + name);
    }
    boolean hostAllowed = allowed.stream().anyMatch(a -> a.matchesHost(name, port));
    for (InetAddress address : addresses) {
      String kind = internal(address);
      boolean addressAllowed = allowed.stream().anyMatch(a -> a.matchesAddress(address, port));
      if (kind != null && !hostAllowed && !addressAllowed) {
        throw new ConnectorException("refused: " + name + " resolves to a " + kind + " address ("
            + address.getHostAddress() + "); allow it with outbound.allowHosts if it is meant");
      }
    }
    return new Target(uri, addresses[0], port);
  }

  /** What kind of address this is when it is not on the public internet, else null. */
  static String internal(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      byte[] embedded = embeddedIpv4(b);
      if (embedded != null) {
        try {
          return internal(InetAddress.getByAddress(embedded));
        } catch (UnknownHostException impossible) {
          return "malformed";
        }
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return "private (unique local)";
      }
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0 || first >= 240) {
        return "reserved";
      }
      if (first == 100 && second >= 64 && second <= 127) {
        return "private (carrier-grade NAT)";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "reserved";
      }
    }
    return null;
  }

  /** The IPv4 address inside an IPv4-compatible, IPv4-mapped, NAT64 (64:ff9b::/96) or 6to4 address, else null. */
  private static byte[] embeddedIpv4(byte[] b) {
    boolean zeroTen = true;
    for (int i = 0; i < 10; i++) {
      zeroTen &= b[i] == 0;
    }
    boolean mapped = zeroTen && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff));
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
    if (mapped || nat64) {
      boolean allZero = b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1;
      return mapped && allZero && b[10] == 0 ? null : new byte[] {b[12], b[13], b[14], b[15]};
    }
    if (b[0] == 0x20 && b[1] == 0x02) {
      return new byte[] {b[2], b[3], b[4], b[5]};
    }
    return null;
  }

  private static Allowed parse(String entry) {
    String text = entry.toLowerCase(Locale.ROOT);
    int slash = text.indexOf('/');
    String base = slash < 0 ? text : text.substring(0, slash);
    var address = literal(base);
    if (address.isPresent()) {
      int bits = address.get().getAddress().length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException("outbound.allowHosts: " + entry + " is not an address range");
        }
      }
      return new Allowed(null, address.get().getAddress(), prefix, -1);
    }
    if (slash >= 0 || !text.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
      throw new IllegalArgumentException("outbound.allowHosts: " + entry + " is neither a host name nor an address");
    }
    return new Allowed(text, null, 0, -1);
  }

  /** The address when {@code text} is an IP literal (no DNS lookup), else empty. */
  private static java.util.Optional<InetAddress> literal(String text) {
    String bare = text.replaceAll("^\\[|]$", "");
    boolean looksLiteral = bare.matches("[0-9.]+") && bare.chars().filter(c -> c == '.').count() == 3
        || bare.contains(":");
    if (!looksLiteral) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(InetAddress.getByName(bare));
    } catch (UnknownHostException e) {
      return java.util.Optional.empty();
    }
  }

  private static boolean inRange(byte[] address, byte[] network, int prefix) {
    if (address.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >> (bit % 8);
      if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
