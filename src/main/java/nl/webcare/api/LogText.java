package nl.webcare.api;

import java.util.regex.Pattern;

/**
 * Values written to the log without control or bidirectional-override characters, so that a request cannot
 * forge log lines ("\n... audit: key revoked by admin") or make one read backwards.
 */
final class LogText {
  private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]");

  private LogText() {}

  static String clean(String value) {
    return value == null ? null : UNSAFE.matcher(value).replaceAll("?");
  }

  /** True when the value holds a character {@link #clean} would replace. */
  static boolean unsafe(String value) {
    return value != null && UNSAFE.matcher(value).find();
  }
}
