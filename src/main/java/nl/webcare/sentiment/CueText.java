package nl.webcare.sentiment;

import java.util.Locale;
import java.util.regex.Pattern;

/** The form of a text that cue phrases are matched against: lower case, without URLs and @handles. */
public final class CueText {
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@\\w{1,30}");

  private CueText() {}

  public static String of(String text) {
    return HANDLE.matcher(URL.matcher(text).replaceAll(" ")).replaceAll(" ").toLowerCase(Locale.ROOT);
  }
}
