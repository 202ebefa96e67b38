package nl.webcare.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test resources and connector files. */
public final class Fixtures {
  private Fixtures() {}

  public static String feed(String name) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("feeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code connectors/NAME.yaml} for a feed connector. */
  public static void feedConnector(Path dir, String name, String url, String extraYaml) {
    // the tests' feeds stand for forums and review sites, which care reads: a generic feed is listen-only by default
    String purpose = extraYaml.contains("purpose:") ? "" : "purpose: both\n";
    String yaml = "name: " + name + "\ntype: feed\nbrand: testbrand\nurl: " + url + "\npollInterval: 300ms\n" + purpose
        + extraYaml;
    try {
      Files.writeString(dir.resolve(name + ".yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
