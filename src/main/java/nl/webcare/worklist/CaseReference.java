package nl.webcare.worklist;

/**
 * A case's reference from its sequence number: scrambled by an odd multiplier modulo 32^5 (a bijection, so
 * references stay unique) and written in Crockford's base 32: short, quotable, not a visible count.
 */
final class CaseReference {
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final long SPACE = 33_554_432L; // 32^5

  private CaseReference() {}

  static String of(long sequence) {
    long n = sequence < SPACE ? (sequence * 17_737 + 4_253) % SPACE : sequence;
    StringBuilder ref = new StringBuilder();
    while (n > 0) {
      ref.insert(0, ALPHABET.charAt((int) (n % 32)));
      n /= 32;
    }
    while (ref.length() < 5) {
      ref.insert(0, '0');
    }
    return "WC-" + ref;
  }
}
