package nl.webcare.connector.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import java.util.List;
import org.jdom2.Element;

/** Reads the extension elements Rome leaves as foreign markup (App Store {@code im:}, YouTube {@code media:}). */
final class FeedMarkup {
  private FeedMarkup() {}

  /** The trimmed text of the first element {@code prefix:name} of the entry, or null. */
  static String text(SyndEntry entry, String prefix, String name) {
    Element element = element(entry.getForeignMarkup(), prefix, name);
    if (element == null) {
      return null;
    }
    String text = element.getTextTrim();
    return text.isEmpty() ? null : text;
  }

  /** The first element {@code prefix:name} among {@code elements}, or null. */
  static Element element(List<Element> elements, String prefix, String name) {
    for (Element element : elements) {
      if (name.equals(element.getName()) && prefix.equals(element.getNamespacePrefix())) {
        return element;
      }
    }
    return null;
  }

  /** A whole number from text, or null when it is not one. */
  static Integer integer(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
