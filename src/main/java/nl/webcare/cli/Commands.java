package nl.webcare.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the commands check of their arguments, with the message people read. */
final class Commands {
  private Commands() {}

  /** A whole number of at least 1, or an error that names the option. */
  public static int positive(String text, String option) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the error below
    }
    throw new IllegalArgumentException(option + " must be a whole number of at least 1, got " + text);
  }

  /** The path of a file that exists and can be read, or an error that names it. */
  public static Path readable(String name) {
    Path file = Path.of(name);
    if (!Files.isReadable(file) || Files.isDirectory(file)) {
      throw new IllegalArgumentException("cannot read the file " + name);
    }
    return file;
  }
}
