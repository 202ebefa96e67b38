package nl.webcare.connector;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the HTML found in feed descriptions into plain text for scoring and display. Not a sanitizer
 * for rendering: the API never serves this text as HTML.
 */
public final class HtmlText {
  private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1\\s*>");
  private static final Pattern BLOCK_BREAK = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/h[1-6]|/tr)\\s*/?>");
  /** Inline tags sit inside words ({@code #<span>tag</span>}, {@code <b>Acme</b>'s}): dropped without a space. */
  private static final Pattern INLINE_TAG =
      Pattern.compile("(?i)</?\\s*(a|span|b|i|em|strong|u|small|font|abbr|code|mark|sub|sup)(\\s[^>]*)?/?>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");
  private static final Pattern BLANK_LINES = Pattern.compile("\\s*\\n\\s*");

  private HtmlText() {}

  /** A tag that unescaping made: the text was escaped twice ({@code &lt;div class="md"&gt;}). */
  private static final Pattern REAL_TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?>");

  /**
   * Plain text of an HTML fragment; an HTML fragment that was escaped twice (Reddit's feeds, some CMSs) is
   * unescaped once more and stripped again, so no markup reaches the text.
   */
  public static String toPlain(String html) {
    String once = plain(html);
    return REAL_TAG.matcher(once).find() ? plain(once) : once;
  }

  private static String plain(String html) {
    if (html == null) {
      return "";
    }
    String text = SCRIPT_OR_STYLE.matcher(html).replaceAll(" ");
    text = BLOCK_BREAK.matcher(text).replaceAll("\n");
    text = INLINE_TAG.matcher(text).replaceAll("");
    text = TAG.matcher(text).replaceAll(" ");
    text = unescape(text);
    text = SPACES.matcher(text).replaceAll(" ");
    return BLANK_LINES.matcher(text).replaceAll("\n").trim();
  }

  private static String unescape(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String entity(String name, String original) {
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
      }
      if (name.startsWith("#")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(1))));
      }
    } catch (IllegalArgumentException e) {
      return original;
    }
    return switch (name) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos", "#39" -> "'";
      case "nbsp" -> " ";
      case "hellip" -> "…";
      case "euro" -> "€";
      case "eacute" -> "é";
      case "euml" -> "ë";
      case "iuml" -> "ï";
      case "ouml" -> "ö";
      case "uuml" -> "ü";
      default -> original;
    };
  }
}
