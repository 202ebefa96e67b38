package nl.webcare.privacy;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an analyst may read of what a customer wrote: the words, without what points at a person. Handles, links,
 * e-mail addresses and phone numbers in a text become placeholders; fields that are personal data by themselves
 * (a name, a handle, a profile link) are left out whole.
 */
public final class Redaction {
  /** Mention and alert fields that name or point at the author; an analyst gets none of them. */
  public static final Set<String> AUTHOR_FIELDS = Set.of("author", "authorKey", "authorHandle", "authorFollowers",
      "authorVerified", "url", "conversationId", "inReplyTo");

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@\\w{1,30}");
  /** Seven or more digits, with the spaces, dashes, dots and brackets phone numbers are written with. */
  private static final Pattern PHONE = Pattern.compile("(?<!\\w)\\+?\\(?\\d[\\d ().-]{5,}\\d(?!\\w)");

  private Redaction() {}

  /** The text with handles, links, e-mail addresses and phone numbers replaced; null stays null. */
  public static String text(String text) {
    if (text == null) {
      return null;
    }
    String out = EMAIL.matcher(text).replaceAll("[e-mail]");
    out = URL.matcher(out).replaceAll("[link]");
    out = HANDLE.matcher(out).replaceAll("@[handle]");
    return PHONE.matcher(out).replaceAll(m -> m.group().replaceAll("\\D", "").length() >= 7 ? "[phone]" : m.group());
  }
}
