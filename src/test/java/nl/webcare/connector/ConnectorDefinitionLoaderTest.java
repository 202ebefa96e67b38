package nl.webcare.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.webcare.config.ConfigException;
import org.junit.jupiter.api.Test;

class ConnectorDefinitionLoaderTest {
  private final ConnectorDefinitionLoader loader = new ConnectorDefinitionLoader(ConnectorTypes.discover());

  @Test
  void theExampleConnectorsAreValidSwitchedOffAndCoverEveryType() {
    List<ConnectorDefinition> examples = loader.loadDirectory(Path.of("connectors"));
    assertThat(examples).allSatisfy(d -> assertThat(d.enabled()).as(d.name()).isFalse());
    assertThat(examples.stream().map(ConnectorDefinition::type).distinct())
        .containsExactlyInAnyOrderElementsOf(ConnectorTypes.discover().names());
  }

  @Test
  void aConnectorFileIsReadWithItsOptions() throws IOException {
    Path dir = Files.createTempDirectory("connectors");
    Files.writeString(dir.resolve("app.yaml"), """
        name: bank-app-nl
        type: feed
        brand: testbank
        url: https://itunes.apple.com/nl/rss/customerreviews/page=1/id=900000002/sortby=mostrecent/xml
        pollInterval: 15m
        preset: appstore
        language: nl
        """);
    ConnectorDefinition d = loader.loadDirectory(dir).get(0);
    assertThat(d.name()).isEqualTo("bank-app-nl");
    assertThat(d.pollInterval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(d.enabled()).isTrue();
    assertThat(d.option("preset")).isEqualTo("appstore");
  }

  @Test
  void aSourceIsReadForCareAndListeningByWhatItIsUnlessTheFileSays() throws IOException {
    assertThat(load("name: n\ntype: feed\nbrand: b\nurl: https://example.org/news.xml\n").purpose())
        .as("a generic feed: news, blogs").isEqualTo(SourcePurpose.LISTEN);
    assertThat(load("name: n\ntype: feed\nbrand: b\npreset: google-news\nquery: acme\n").purpose())
        .isEqualTo(SourcePurpose.LISTEN);
    assertThat(load("name: n\ntype: feed\nbrand: b\npreset: hackernews\nquery: acme\n").purpose())
        .isEqualTo(SourcePurpose.LISTEN);
    assertThat(load("name: n\ntype: feed\nbrand: b\npreset: appstore\nappId: '1'\n").purpose())
        .as("reviews").isEqualTo(SourcePurpose.BOTH);
    assertThat(load("name: n\ntype: feed\nbrand: b\npreset: reddit\nquery: acme\n").purpose())
        .isEqualTo(SourcePurpose.BOTH);
    assertThat(load("name: n\ntype: push\nbrand: b\nsecretEnv: S\n").purpose()).isEqualTo(SourcePurpose.BOTH);
    ConnectorDefinition forum = load("name: n\ntype: feed\nbrand: b\nurl: https://forum.example/rss\n"
        + "purpose: both\n");
    assertThat(forum.purpose()).isEqualTo(SourcePurpose.BOTH);
    assertThat(forum.options()).doesNotContainKey("purpose");
    ConnectorDefinition rival = load("name: n\ntype: feed\nbrand: rivalco\npreset: appstore\nappId: '2'\n"
        + "competitor: true\n");
    assertThat(rival.competitor()).isTrue();
    assertFails("name: x\ntype: feed\nbrand: b\nurl: https://example.org/feed\npurpose: marketing\n",
        "purpose must be care, listen or both");
    assertFails("name: x\ntype: feed\nbrand: b\nurl: https://example.org/feed\ncompetitor: yes please\n",
        "competitor must be true or false");
  }

  private ConnectorDefinition load(String yaml) throws IOException {
    Path dir = Files.createTempDirectory("connectors");
    Files.writeString(dir.resolve("c.yaml"), yaml);
    return loader.loadDirectory(dir).get(0);
  }

  @Test
  void mistakesNameTheFileAndTheKey() throws IOException {
    assertFails("name: x\ntype: feed\nbrand: b\nurl: ftp://example.org/feed\n", "url must be an http or https URL");
    assertFails("name: x\ntype: telex\nbrand: b\nurl: https://example.org/feed\n", "unknown type \"telex\"");
    assertFails("type: feed\nbrand: b\nurl: https://example.org/feed\n", "missing key name");
    assertFails("name: x\ntype: feed\nbrand: b\nurl: https://example.org/feed\npollInterval: soon\n", "pollInterval");
    assertFails("name: x\ntype: feed\nbrand: b\nurl: https://example.org/feed\ncolour: red\n", "unknown key colour");
    assertFails("name: Bad Name\ntype: feed\nbrand: b\nurl: https://example.org/feed\n", "name \"Bad Name\"");
    assertFails("- just\n- a list\n", "expected a mapping");
  }

  @Test
  void twoFilesWithOneNameAreRefused() throws IOException {
    Path dir = Files.createTempDirectory("connectors");
    String yaml = "name: same\ntype: feed\nbrand: b\nurl: https://example.org/feed\n";
    Files.writeString(dir.resolve("a.yaml"), yaml);
    Files.writeString(dir.resolve("b.yaml"), yaml);
    assertThatThrownBy(() -> loader.loadDirectory(dir)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("same").hasMessageContaining("more than one file");
  }

  private void assertFails(String yaml, String expected) throws IOException {
    Path dir = Files.createTempDirectory("connectors");
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, yaml);
    assertThatThrownBy(() -> loader.loadDirectory(dir)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining(expected);
  }
}
