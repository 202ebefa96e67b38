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
  private static final Pattern CLAUSE_END = Pattern.compile("[,;:][\"'”’)\\]]*$");
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
  /**
   * @param afterComma the token follows a comma, semicolon or colon: a negation does not reach over it ("never
   *                  arrived, terrible")
   * @param name      the word is part of a name written in capitals ("Best Buy", "Good Year", "Great Western"): it
   *                  carries no sentiment there
   */
  public record Token(String word, boolean shouted, boolean afterStop, boolean name, boolean afterComma) {
    public Token(String word, boolean shouted) {
      this(word, shouted, false, false, false);
    }

    public Token(String word, boolean shouted, boolean afterStop) {
      this(word, shouted, afterStop, false, false);
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
    boolean comma = false;
    List<Boolean> titled = new ArrayList<>();
    List<Boolean> runsOn = new ArrayList<>(); // no punctuation after the word: a name may go on
    for (String piece : SPACES.split(withEmojiWords.trim())) {
      if (piece.isEmpty()) {
        continue;
      }
      String lower = piece.toLowerCase(Locale.ROOT);
      if (lexicon.known(lower) && EDGE_PUNCTUATION.matcher(lower).replaceAll("").isEmpty()) {
        tokens.add(new Token(lower, false, stop, false, comma)); // an emoticon such as :( or :-)
        titled.add(false);
        runsOn.add(false);
        stop = false;
        comma = false;
        continue;
      }
      String word = shorten(EDGE_PUNCTUATION.matcher(piece).replaceAll(""));
      if (!word.isEmpty()) {
        boolean shouted = !mostlyCaps && word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))
            && !word.equals(word.toLowerCase(Locale.ROOT));
        tokens.add(new Token(word.toLowerCase(Locale.ROOT), shouted, stop, false, comma));
        titled.add(titleCase(word));
        runsOn.add(piece.endsWith(word));
      }
      stop = SENTENCE_END.matcher(piece).find();
      comma = CLAUSE_END.matcher(piece).find();
    }
    markNames(tokens, titled, runsOn, mostlyTitled(titled));
    for (String piece : SPACES.split(stripEmoji(text).trim())) {
      String word = shorten(piece);
      boolean allCaps = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))
          && !word.equals(word.toLowerCase(Locale.ROOT));
      forParser.append(allCaps ? word.toLowerCase(Locale.ROOT) : word).append(' ');
    }
    return new Prepared(forParser.toString().trim(), tokens, count(raw, '!'), count(raw, '?'));
  }

  /**
   * Marks the sentiment words of a name: a title-case word after a word that introduces a place or thing ("from",
   * "at", "the", ...), followed by another title-case word that is no pronoun ("from Best Buy", "the Great Western
   * Railway"; not "I Love Southwest", "so Thank You"), in a text that is not written in title case throughout (a
   * headline such as "Great Service At The Airport" keeps its words). Measured: sentiment-models/README.md.
   */
  private void markNames(List<Token> tokens, List<Boolean> titled, List<Boolean> runsOn, boolean headline) {
    if (headline) {
      return;
    }
    for (int i = 0; i + 1 < tokens.size(); i++) {
      boolean insideSentence = i > 0 && !tokens.get(i).afterStop() && !tokens.get(i + 1).afterStop()
          && NAME_INTROS.contains(tokens.get(i - 1).word());
      if (insideSentence && titled.get(i) && runsOn.get(i) && titled.get(i + 1) && !NOT_NAMES.contains(tokens.get(i + 1).word())
          && lexicon.valence(tokens.get(i).word()) != 0) {
        Token t = tokens.get(i);
        tokens.set(i, new Token(t.word(), t.shouted(), t.afterStop(), true, t.afterComma()));
      }
    }
  }

  /** Words after which a capitalised word begins a name of a shop, product or place. */
  private static final java.util.Set<String> NAME_INTROS = java.util.Set.of("at", "from", "to", "the", "in", "of",
      "with", "by", "via", "on", "about", "bij", "van", "naar", "de", "het", "met", "op", "over");

  /** Words that follow a capitalised sentiment word without making it a name ("Thank You", "Love It"). */
  private static final java.util.Set<String> NOT_NAMES = java.util.Set.of("you", "u", "ya", "it", "so", "for", "and",
      "but", "to", "the", "a", "me", "us", "again", "guys", "team", "job", "work", "service", "day", "flight");

  private static boolean titleCase(String word) {
    return word.length() > 1 && Character.isUpperCase(word.codePointAt(0))
        && word.substring(1).chars().allMatch(c -> Character.isLowerCase(c) || c == '\'');
  }

  /** More than half of at least four words begin with a capital: a title or headline. */
  private static boolean mostlyTitled(List<Boolean> titled) {
    long n = titled.stream().filter(b -> b).count();
    return titled.size() >= 4 && n * 2 > titled.size();
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
