package nl.webcare.connector;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.webcare.config.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads connector instances from {@code connectors/*.yaml}. Blocking file IO: call it at start from
 * a worker. Every problem stops the start with a message naming the file and the key.
 */
public final class ConnectorDefinitionLoader {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
  private static final Set<String> COMMON_KEYS = Set.of("name", "type", "brand", "url", "pollInterval", "enabled",
      "brandTerms", "excludeTerms", "purpose", "competitor");

  private final ConnectorTypes types;

  public ConnectorDefinitionLoader(ConnectorTypes types) {
    this.types = types;
  }

  public List<ConnectorDefinition> loadDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<ConnectorDefinition> definitions = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(ConnectorDefinitionLoader::isYaml).sorted().toList()) {
        definitions.add(loadFile(file));
      }
    } catch (IOException e) {
      throw new ConfigException("connectors directory " + dir + ": " + e.getMessage());
    }
    requireUniqueNames(definitions);
    return definitions;
  }

  ConnectorDefinition loadFile(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      if (!(parsed instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("expected a mapping of keys to values");
      }
      return fromMap(stringKeys(map));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("connector file " + file + ": " + e.getMessage());
    }
  }

  /** Builds and validates a definition from parsed YAML (also used for the demo connectors). */
  public ConnectorDefinition fromMap(Map<String, Object> map) {
    String name = required(map, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name \"" + name + "\" must be lower-case letters, digits, '.', '_' or '-'");
    }
    Map<String, Object> options = new LinkedHashMap<>(map);
    COMMON_KEYS.forEach(options::remove);
    ConnectorType type = types.get(required(map, "type"));
    String url = map.get("url") != null ? required(map, "url") : type.derivedUrl(options);
    if (url == null && type.polled()) {
      throw new IllegalArgumentException("missing key url");
    }
    if (url != null) {
      requireHttpUrl(url);
    }
    Object enabled = map.getOrDefault("enabled", Boolean.TRUE);
    if (!(enabled instanceof Boolean)) {
      throw new IllegalArgumentException("enabled must be true or false, got " + enabled);
    }
    Object competitor = map.getOrDefault("competitor", Boolean.FALSE);
    if (!(competitor instanceof Boolean)) {
      throw new IllegalArgumentException("competitor must be true or false, got " + competitor);
    }
    SourcePurpose purpose = map.get("purpose") == null ? type.defaultPurpose(options)
        : SourcePurpose.fromWire(String.valueOf(map.get("purpose")));
    ConnectorDefinition definition = new ConnectorDefinition(name, required(map, "type"), required(map, "brand"),
        url, duration(map.getOrDefault("pollInterval", "5m")), (Boolean) enabled, options,
        new RelevanceFilter(terms(map, "brandTerms"), terms(map, "excludeTerms")), purpose, (Boolean) competitor);
    type.validate(definition);
    return definition;
  }

  private static void requireHttpUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("url is not a valid URL: " + url);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new IllegalArgumentException("url must be an http or https URL, got " + url);
    }
  }

  static Duration duration(Object value) {
    Matcher m = DURATION.matcher(String.valueOf(value).trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("pollInterval must look like 30s, 5m or 1h, got " + value);
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d = switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
    if (d.toMillis() < 100) {
      throw new IllegalArgumentException("pollInterval must be at least 100ms, got " + value);
    }
    return d;
  }

  private static List<String> terms(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(key + " must be a list of words or phrases");
    }
    return list.stream().map(term -> term == null ? "" : String.valueOf(term).trim()).toList();
  }

  private static String required(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new IllegalArgumentException("missing key " + key);
    }
    return String.valueOf(value).trim();
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static void requireUniqueNames(List<ConnectorDefinition> definitions) {
    Set<String> names = new HashSet<>();
    for (ConnectorDefinition d : definitions) {
      if (!names.add(d.name())) {
        throw new ConfigException("connector name " + d.name() + " is used by more than one file");
      }
    }
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
