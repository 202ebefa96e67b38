package nl.webcare.connector;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The connector types found on the classpath through {@link ServiceLoader}. */
public final class ConnectorTypes {
  private final Map<String, ConnectorType> byName;

  private ConnectorTypes(Map<String, ConnectorType> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static ConnectorTypes discover() {
    Map<String, ConnectorType> found = new TreeMap<>();
    for (ConnectorType type : ServiceLoader.load(ConnectorType.class)) {
      found.put(type.type(), type);
    }
    return new ConnectorTypes(found);
  }

  /** The names of every known type, sorted. */
  public java.util.Set<String> names() {
    return new java.util.TreeSet<>(byName.keySet());
  }

  /** The type of that name, or {@link IllegalArgumentException} listing the known ones. */
  public ConnectorType get(String name) {
    ConnectorType type = byName.get(name);
    if (type == null) {
      throw new IllegalArgumentException("unknown type \"" + name + "\"; known types: " + byName.keySet());
    }
    return type;
  }
}
