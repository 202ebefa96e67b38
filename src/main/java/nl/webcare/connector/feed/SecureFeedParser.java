package nl.webcare.connector.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.webcare.connector.ConnectorException;

/**
 * Parses RSS and Atom with Rome. Blocking and CPU-bound: run it on a worker. A DOCTYPE is taken out before
 * parsing and one that declares entities is refused ({@link #withoutDoctype}), so a hostile feed cannot make
 * Webcare read local files, fetch other URLs or expand entities without end.
 */
final class SecureFeedParser {

  private static final Pattern ROOT_LANGUAGE =
      Pattern.compile("<(?:[A-Za-z]+:)?(?:feed|rss|RDF)\\b[^>]*\\sxml:lang\\s*=\\s*[\"']([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?[\"']");
  private static final int ROOT_SEARCH_BYTES = 4096;

  /**
   * The {@code xml:lang} on the root element (Atom feeds such as the App Store's declare their language
   * only there, and Rome does not report it), or null.
   */
  static String declaredLanguage(byte[] body) {
    String marked = byBom(body);
    String head = marked != null ? marked.substring(0, Math.min(marked.length(), ROOT_SEARCH_BYTES))
        : new String(body, 0, Math.min(body.length, ROOT_SEARCH_BYTES), StandardCharsets.UTF_8);
    Matcher m = ROOT_LANGUAGE.matcher(head);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  SyndFeed parse(byte[] body, String contentType) {
    SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(true);
    String text = byBom(body);
    // else XmlReader finds the encoding: the XML declaration, else the HTTP header's charset
    if (text == null) {
      text = decoded(body, contentType);
    }
    text = withoutDoctype(text);
    String language = LocalizedFeedDates.channelLanguage(text);
    if (language == null) {
      Matcher root = ROOT_LANGUAGE.matcher(text.substring(0, Math.min(text.length(), ROOT_SEARCH_BYTES)));
      language = root.find() ? root.group(1).toLowerCase(Locale.ROOT) : null;
    }
    try {
      return input.build(new StringReader(LocalizedFeedDates.inEnglish(text, language)));
    } catch (FeedException | IllegalArgumentException e) {
      throw new ConnectorException("malformed feed: " + describe(e), e);
    }
  }

  /**
   * The text when a byte-order mark says its encoding, else null. Read here because Rome's XmlReader, given a
   * UTF-16 declaration after a little-endian mark, decodes big-endian.
   */
  static String byBom(byte[] body) {
    if (body.length >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
    }
    if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
      return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }
    return null;
  }

  private static String decoded(byte[] body, String contentType) {
    try (XmlReader reader = contentType == null
        ? new XmlReader(new ByteArrayInputStream(body), true)
        : new XmlReader(new ByteArrayInputStream(body), contentType, true, "UTF-8")) {
      return readAll(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConnectorException("malformed feed: " + describe(e), e);
    }
  }

  /**
   * The document without its DOCTYPE, which is never read: an external DTD is not fetched (Netscape's RSS 0.91
   * names one), and a DOCTYPE that declares entities is refused, so that no entity can read a file, fetch a URL
   * or expand a billion times. The HTML entities such a DTD would define are mended by Rome's XML healer.
   */
  static String withoutDoctype(String text) {
    Matcher doctype = DOCTYPE.matcher(text);
    if (!doctype.find()) {
      return text;
    }
    if (doctype.group(1) != null && doctype.group(1).contains("<!ENTITY")) {
      throw new ConnectorException("malformed feed: a DOCTYPE that declares entities is refused");
    }
    return text.substring(0, doctype.start()) + text.substring(doctype.end());
  }

  /** {@code <!DOCTYPE name ... [internal subset]>} in the prolog; group 1 is the internal subset. */
  private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\s[^\\[>]*(\\[[\\s\\S]*?\\])?\\s*>",
      Pattern.CASE_INSENSITIVE);

  private static String readAll(java.io.Reader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[8192];
    for (int n; (n = reader.read(buffer)) > 0; ) {
      text.append(buffer, 0, n);
    }
    return text.toString();
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    Throwable cause = e.getCause();
    while (cause != null) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
      cause = cause.getCause();
    }
    if (message != null && message.toLowerCase(Locale.ROOT).contains("doctype")) {
      return "DOCTYPE declarations are refused (" + message + ")";
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
