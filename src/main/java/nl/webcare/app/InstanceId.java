package nl.webcare.app;

import java.net.InetAddress;
import java.util.UUID;

/** A name for this process among others sharing one Redis: host, pid and a random part. */
final class InstanceId {
  private InstanceId() {}

  static String create() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "host";
    }
    return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
