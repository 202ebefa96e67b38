package nl.webcare.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import nl.webcare.connector.ConnectorException;
import org.junit.jupiter.api.Test;

/** Which addresses an outbound request may reach, IPv4 and IPv6, and what the configuration may allow. */
class OutboundGuardTest {
  private final OutboundGuard strict = OutboundGuard.allowing(List.of());

  @Test
  void internalAddressesAreRefusedWhateverTheirForm() throws Exception {
    for (String address : List.of("127.0.0.1", "127.8.9.10", "10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254",
        "0.0.0.0", "100.64.1.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
        "ff02::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "64:ff9b::7f00:1", "2002:c0a8:0101::1", "::127.0.0.1")) {
      assertThat(OutboundGuard.internal(InetAddress.getByName(address))).as(address).isNotNull();
      assertThatThrownBy(() -> strict.check(URI.create("http://" + bracket(address) + "/feed")))
          .as(address).isInstanceOf(ConnectorException.class).hasMessageContaining("refused");
    }
    for (String address : List.of("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "100.128.0.1")) {
      assertThat(OutboundGuard.internal(InetAddress.getByName(address))).as(address).isNull();
    }
  }

  @Test
  void onlyHttpAndHttpsAreFetched() {
    for (String url : List.of("file:///etc/passwd", "gopher://example.com/", "ftp://example.com/x", "jar:file:/x!/y")) {
      assertThatThrownBy(() -> strict.check(URI.create(url))).as(url).hasMessageContaining("only http and https");
    }
  }

  @Test
  void theConfigurationAllowsNamedHostsAndRangesOnly() {
    OutboundGuard guard = OutboundGuard.allowing(List.of("localhost", "10.1.0.0/16"));
    assertThat(guard.check(URI.create("http://localhost:8080/x")).address().isLoopbackAddress()).isTrue();
    assertThat(guard.check(URI.create("http://10.1.200.3/x")).port()).isEqualTo(80);
    assertThatThrownBy(() -> guard.check(URI.create("http://10.2.0.1/x"))).hasMessageContaining("private");
    assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.1/x"))).hasMessageContaining("loopback");
    OutboundGuard demo = strict.allowingEndpoint("127.0.0.1", 4711);
    assertThat(demo.check(URI.create("http://127.0.0.1:4711/feed.xml")).port()).isEqualTo(4711);
    assertThatThrownBy(() -> demo.check(URI.create("http://127.0.0.1:6379/"))).hasMessageContaining("loopback");
    assertThatThrownBy(() -> OutboundGuard.allowing(List.of("10.0.0.0/40"))).hasMessageContaining("10.0.0.0/40");
    assertThatThrownBy(() -> OutboundGuard.allowing(List.of("not a host"))).hasMessageContaining("not a host");
  }

  @Test
  void theAnswerIsTheAddressThatWasChecked() {
    OutboundGuard.Target target = OutboundGuard.allowing(List.of("127.0.0.1")).check(URI.create("https://127.0.0.1/a"));
    assertThat(target.address().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(target.port()).isEqualTo(443);
  }

  private static String bracket(String address) {
    return address.contains(":") ? "[" + address + "]" : address;
  }
}
