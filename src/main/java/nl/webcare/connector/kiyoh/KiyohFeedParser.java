package nl.webcare.connector.kiyoh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import nl.webcare.connector.ConnectorException;
import nl.webcare.connector.SourceTime;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads Kiyoh's review feed ({@code /v1/review/feed.xml}): {@code reviews/reviews} elements with
 * {@code reviewId}, {@code reviewAuthor}, {@code city}, {@code rating}, {@code dateSince} and a list of
 * {@code reviewContent} answers keyed by {@code questionGroup}. Blocking: run on a worker. DOCTYPEs are
 * refused, so a hostile feed cannot make the parser read files or fetch URLs.
 */
final class KiyohFeedParser {

  record Parsed(List<KiyohReview> reviews, int skipped) {}

  Parsed parse(byte[] body) {
    Document document = document(body);
    Element root = document.getDocumentElement();
    Element list = child(root, "reviews");
    List<KiyohReview> reviews = new ArrayList<>();
    int skipped = 0;
    if (list == null) {
      if (!"UpdateData".equals(root.getTagName())) {
        throw new ConnectorException("malformed Kiyoh feed: root element " + root.getTagName() + " has no reviews");
      }
      return new Parsed(reviews, 0);
    }
    for (Element review : children(list, "reviews")) {
      KiyohReview parsed = review(review);
      if (parsed == null) {
        skipped++;
      } else {
        reviews.add(parsed);
      }
    }
    return new Parsed(reviews, skipped);
  }

  private static KiyohReview review(Element e) {
    String id = text(e, "reviewId");
    if (id == null) {
      return null;
    }
    String oneLiner = null;
    String opinion = null;
    Boolean recommends = null;
    Integer overall = integer(text(e, "rating"));
    Element contents = child(e, "reviewContent");
    for (Element answer : contents == null ? List.<Element>of() : children(contents, "reviewContent")) {
      String value = text(answer, "rating");
      switch (String.valueOf(text(answer, "questionGroup"))) {
        case "DEFAULT_ONELINER" -> oneLiner = value;
        case "DEFAULT_OPINION" -> opinion = value;
        case "DEFAULT_RECOMMEND" -> recommends = value == null ? null : value.trim().equalsIgnoreCase("true");
        case "DEFAULT_OVERALL" -> overall = overall != null ? overall : integer(value);
        default -> { }
      }
    }
    if (overall != null && (overall < 1 || overall > 10)) {
      overall = null;
    }
    return new KiyohReview(id, text(e, "reviewAuthor"), text(e, "city"), overall, oneLiner, opinion, recommends,
        SourceTime.parse(text(e, "dateSince")));
  }

  private static Document document(byte[] body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(body));
    } catch (SAXException e) {
      String message = e.getMessage() == null ? "unreadable XML" : e.getMessage();
      throw new ConnectorException("malformed Kiyoh feed: " + (message.toLowerCase(Locale.ROOT).contains("doctype")
          ? "DOCTYPE declarations are refused" : message), e);
    } catch (ParserConfigurationException | IOException e) {
      throw new ConnectorException("malformed Kiyoh feed: " + e.getMessage(), e);
    }
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && name.equals(element.getTagName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    if (element == null) {
      return null;
    }
    String text = element.getTextContent().trim();
    return text.isEmpty() ? null : text;
  }

  private static Integer integer(String text) {
    if (text == null) {
      return null;
    }
    try {
      return (int) Math.round(Double.parseDouble(text.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

}
