package nl.webcare.resources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads the files the scorers load from the classpath (the top-level {@code sentiment-models/} folder is
 * packed into the jar). A missing file is a broken build, so it fails loudly with the resource name.
 */
public final class ClasspathResources {
  private ClasspathResources() {}

  public static Properties properties(String resource) {
    Properties properties = new Properties();
    try (InputStream in = open(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return properties;
  }

  /** A whole text file. */
  public static String text(String resource) {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The lines of a text file, without blank lines and lines that start with '#'. */
  public static List<String> lines(String resource) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return lines;
  }

  /** A number from a properties file, or an error naming the file and key. */
  public static double number(Properties properties, String resource, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(resource + ": missing " + key);
    }
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(resource + ": " + key + " is not a number: " + value);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = ClasspathResources.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing " + resource + " on the classpath");
    }
    return in;
  }
}
