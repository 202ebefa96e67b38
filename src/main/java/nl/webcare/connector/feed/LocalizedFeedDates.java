package nl.webcare.connector.feed;

import java.text.DateFormatSymbols;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the month and day names of a non-English feed's dates into English before Rome reads them. Rome parses
 * dates with one locale's masks, so "wo, 25 nov. 2026 10:15:02 +0100" from a Dutch feed is left unparsed and the
 * mention would take the poll's time instead of its own. The names come from the JDK's locale data (CLDR), with
 * the trailing dots, accents and three-letter forms that feeds write by hand; which language's names apply is
 * what the feed declares, because the same word means different months in different languages ("mar").
 */
final class LocalizedFeedDates {
  /** The contents of the RSS, Atom and Dublin Core date elements, short enough to be a date. */
  private static final Pattern DATE_ELEMENT = Pattern.compile(
      "<((?:[A-Za-z]+:)?(?:pubDate|lastBuildDate|date|published|updated|issued|modified|created))(\\s[^>]*)?>"
          + "([^<]{1,80})</\\1>");
  private static final Pattern WORD = Pattern.compile("\\p{L}+\\.?");
  /** The RSS channel's own language element, or Dublin Core's. */
  private static final Pattern LANGUAGE_ELEMENT =
      Pattern.compile("<(?:dc:)?language>\\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?\\s*</(?:dc:)?language>");
  private static final Map<String, Map<String, String>> NAMES_BY_LANGUAGE = new ConcurrentHashMap<>();
  /** Spellings that feeds use and CLDR does not list. */
  private static final Map<String, Map<String, String>> EXTRA = Map.of(
      "de", Map.of("mrz", "Mar", "mär", "Mar", "sep", "Sep", "okt", "Oct", "dez", "Dec"),
      "nl", Map.of("mrt", "Mar", "maa", "Mar", "okt", "Oct", "sept", "Sep"),
      "fr", Map.of("fev", "Feb", "fév", "Feb", "avr", "Apr", "juil", "Jul", "aou", "Aug", "déc", "Dec", "dec", "Dec"));

  private LocalizedFeedDates() {}

  /** The language the feed declares in its channel's {@code language} element, or null. */
  static String channelLanguage(String text) {
    Matcher m = LANGUAGE_ELEMENT.matcher(text);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** {@code text} with the names in its date elements put into English; as given for English or no language. */
  static String inEnglish(String text, String language) {
    if (language == null || language.equals("en")) {
      return text;
    }
    Map<String, String> names = NAMES_BY_LANGUAGE.computeIfAbsent(language, LocalizedFeedDates::namesOf);
    if (names.isEmpty()) {
      return text;
    }
    Matcher element = DATE_ELEMENT.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (element.find()) {
      String date = translated(element.group(3), names);
      String attributes = element.group(2) == null ? "" : element.group(2);
      element.appendReplacement(out, Matcher.quoteReplacement(
          "<" + element.group(1) + attributes + ">" + date + "</" + element.group(1) + ">"));
    }
    element.appendTail(out);
    return out.toString();
  }

  private static String translated(String date, Map<String, String> names) {
    Matcher word = WORD.matcher(date);
    StringBuilder out = new StringBuilder(date.length());
    while (word.find()) {
      String english = names.get(key(word.group()));
      word.appendReplacement(out, Matcher.quoteReplacement(english != null ? english : word.group()));
    }
    word.appendTail(out);
    return out.toString();
  }

  /** Local name (lower case, no trailing dot; also without accents) to the English short name. */
  private static Map<String, String> namesOf(String language) {
    Locale locale = Locale.forLanguageTag(language);
    DateFormatSymbols local = DateFormatSymbols.getInstance(locale);
    DateFormatSymbols english = DateFormatSymbols.getInstance(Locale.US);
    if (local.getMonths()[0].equalsIgnoreCase(english.getMonths()[0]) && !language.equals("en")
        && local.getMonths()[4].equalsIgnoreCase(english.getMonths()[4])) {
      return Map.of(); // the JDK has no names for this language
    }
    Map<String, String> names = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      String to = english.getShortMonths()[i];
      put(names, ambiguous, local.getMonths()[i], to);
      put(names, ambiguous, local.getShortMonths()[i], to);
      String full = key(local.getMonths()[i]);
      putPrefix(names, ambiguous, full.length() >= 3 ? full.substring(0, 3) : full, to);
    }
    for (int day = 1; day <= 7; day++) {
      String to = english.getShortWeekdays()[day];
      put(names, ambiguous, local.getWeekdays()[day], to);
      put(names, ambiguous, local.getShortWeekdays()[day], to);
    }
    ambiguous.forEach(names::remove);
    EXTRA.getOrDefault(language, Map.of()).forEach((from, to) -> names.putIfAbsent(from, to));
    return Map.copyOf(names);
  }

  private static void put(Map<String, String> names, Set<String> ambiguous, String local, String english) {
    if (local == null || local.isBlank()) {
      return;
    }
    String plain = key(local);
    for (String form : new LinkedHashSet<>(List.of(plain, withoutAccents(plain)))) {
      String before = names.put(form, english);
      if (before != null && !before.equals(english)) {
        ambiguous.add(form);
      }
    }
  }

  /** A three-letter form of a full name, kept only when no other name of the language starts the same. */
  private static void putPrefix(Map<String, String> names, Set<String> ambiguous, String prefix, String english) {
    String before = names.putIfAbsent(prefix, english);
    if (before != null && !before.equals(english)) {
      ambiguous.add(prefix);
    }
  }

  private static String key(String word) {
    String lower = word.toLowerCase(Locale.ROOT).strip();
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  private static String withoutAccents(String word) {
    return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }
}
