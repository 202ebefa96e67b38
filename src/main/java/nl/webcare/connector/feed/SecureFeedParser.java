package nl.webcare.connector.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.webcare.connector.ConnectorException;

/**
 * Parses RSS and Atom with Rome. Blocking and CPU-bound: run it on a worker. A document with a
 * DOCTYPE is refused outright, which also refuses external entities, so a hostile feed cannot make
 * Webcare read local files or fetch other URLs.
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
    String head = new String(body, 0, Math.min(body.length, ROOT_SEARCH_BYTES), StandardCharsets.UTF_8);
    Matcher m = ROOT_LANGUAGE.matcher(head);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  SyndFeed parse(byte[] body, String contentType) {
    SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(true);
    try (XmlReader reader = contentType == null
        ? new XmlReader(new ByteArrayInputStream(body), true)
        : new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
      return input.build(reader);
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new ConnectorException("malformed feed: " + describe(e), e);
    }
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
