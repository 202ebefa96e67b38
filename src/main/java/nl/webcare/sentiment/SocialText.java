package nl.webcare.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares social-media text. CoreNLP was trained on edited movie-review sentences, so it gets a
 * cleaned text: no URLs or @handles, hashtags split into words, elongations shortened, all-caps words
 * lower-cased, emoji and emoticons left out. The lexicon scorer gets tokens that keep what CoreNLP
 * cannot use: emphasis by capitals, emoji (as their descriptions), emoticons and exclamation marks.
 */
public final class SocialText {
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\w@])@\\w{1,30}");
  private static final Pattern HASHTAG = Pattern.compile("(?<![\\w#])#(\\w+)");
  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])");
  private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1{2,}");
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}“”‘’«»]+|[\\p{Punct}“”‘’«»]+$");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  /** A piece that ends a sentence: . ! or ? at its end, before any closing quotes or brackets. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+[\"'”’)\\]]*$");

  private final SentimentLexicon lexicon;

  public SocialText(SentimentLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** A lexicon token: the lower-case form, and whether it was written in capitals for emphasis. */
  /**
   * @param afterStop the token begins a new sentence (the piece before it ended with . ! or ?): a negation or a
   *                  booster before a sentence's end does not reach into the next one
   */
  public record Token(String word, boolean shouted, boolean afterStop) {
    public Token(String word, boolean shouted) {
      this(word, shouted, false);
    }

    /** An emoticon such as :( : no letters, so no negation turns it around. */
    public boolean emoticon() {
      return word.codePoints().noneMatch(Character::isLetter);
    }
  }

  /**
   * @param forParser text for CoreNLP
   * @param tokens    tokens for the lexicon scorer
   * @param exclamations number of '!' in the text
   * @param questions number of '?' in the text
   */
  public record Prepared(String forParser, List<Token> tokens, int exclamations, int questions) {}

  public Prepared prepare(String raw) {
    String text = URL.matcher(raw).replaceAll(" ");
    text = HANDLE.matcher(text).replaceAll(" ");
    text = splitHashtags(text);
    String withEmojiWords = describeEmoji(text);
    boolean mostlyCaps = mostlyCapitals(text);
    List<Token> tokens = new ArrayList<>();
    StringBuilder forParser = new StringBuilder();
    boolean stop = false;
    for (String piece : SPACES.split(withEmojiWords.trim())) {
      if (piece.isEmpty()) {
        continue;
      }
      String lower = piece.toLowerCase(Locale.ROOT);
      if (lexicon.known(lower) && EDGE_PUNCTUATION.matcher(lower).replaceAll("").isEmpty()) {
        tokens.add(new Token(lower, false, stop)); // an emoticon such as :( or :-)
        stop = false;
        continue;
      }
      String word = shorten(EDGE_PUNCTUATION.matcher(piece).replaceAll(""));
      if (!word.isEmpty()) {
        boolean shouted = !mostlyCaps && word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))
            && !word.equals(word.toLowerCase(Locale.ROOT));
        tokens.add(new Token(word.toLowerCase(Locale.ROOT), shouted, stop));
      }
      stop = SENTENCE_END.matcher(piece).find();
    }
    for (String piece : SPACES.split(stripEmoji(text).trim())) {
      String word = shorten(piece);
      boolean allCaps = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))
          && !word.equals(word.toLowerCase(Locale.ROOT));
      forParser.append(allCaps ? word.toLowerCase(Locale.ROOT) : word).append(' ');
    }
    return new Prepared(forParser.toString().trim(), tokens, count(raw, '!'), count(raw, '?'));
  }

  private static String splitHashtags(String text) {
    Matcher m = HASHTAG.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(CAMEL.matcher(m.group(1)).replaceAll(" ")));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** "soooo" becomes "soo", or "so" when only that is a known word; "goooood" becomes "good". */
  private String shorten(String word) {
    String twice = ELONGATION.matcher(word).replaceAll("$1$1");
    if (twice.equals(word)) {
      return word;
    }
    String once = ELONGATION.matcher(word).replaceAll("$1");
    return lexicon.known(once.toLowerCase(Locale.ROOT)) && !lexicon.known(twice.toLowerCase(Locale.ROOT)) ? once : twice;
  }

  private String describeEmoji(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> {
      String emoji = new String(Character.toChars(cp));
      String description = cp > 0x2000 ? lexicon.emojiDescription(emoji) : null;
      if (description != null && lexicon.known(emoji)) {
        out.append(' ').append(emoji).append(' '); // a valence of its own beats its description's words
      } else if (description != null) {
        out.append(' ').append(description).append(' ');
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  private static String stripEmoji(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      boolean symbol = type == Character.OTHER_SYMBOL || type == Character.SURROGATE || (cp >= 0xFE00 && cp <= 0xFE0F)
          || cp == 0x200D;
      out.appendCodePoint(symbol ? ' ' : cp);
    });
    return out.toString();
  }

  private static boolean mostlyCapitals(String text) {
    int upper = 0;
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        upper += Character.isUpperCase(c) ? 1 : 0;
      }
    }
    return letters > 0 && upper > letters * 0.8;
  }

  private static int count(String text, char c) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      n += text.charAt(i) == c ? 1 : 0;
    }
    return n;
  }
}
