package io.github.geollava.metrics.rouge;

import io.github.geollava.metrics.TokenIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * rouge-score's default tokenizer: lower-case (Python {@code str.lower()}), every character outside
 * {@code [a-z0-9]} becomes a separator, split, and, when stemming is on, NLTK's Porter stemmer applied
 * to tokens longer than three characters.
 *
 * <p>Python's full lower-casing maps only two non-ASCII characters onto {@code [a-z]}: U+0130 (capital
 * I with dot above, to {@code "i"} plus a combining dot, which then separates) and U+212A (Kelvin
 * sign, to {@code "k"}); both are handled, every other non-ASCII character separates tokens.
 *
 * <p>Stems are cached (thread-safe, bounded) because the same words recur across a corpus and the
 * Porter rules dominate tokenization time otherwise.
 */
public final class RougeTokenizer {

  /** Above this many cached stems the cache stops growing (inputs may be adversarial). */
  private static final int CACHE_LIMIT = 1 << 20;

  private static final PorterStemmer STEMMER = new PorterStemmer();

  private final boolean stemming;
  private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();
  private final TokenIds ids;

  /**
   * Creates a tokenizer.
   *
   * @param stemming whether to Porter-stem tokens longer than three characters (rouge-score's
   *     {@code use_stemmer})
   */
  public RougeTokenizer(boolean stemming) {
    this.stemming = stemming;
    this.ids = new TokenIds(this::finish);
  }

  /** Whether this tokenizer stems. */
  public boolean stemming() {
    return stemming;
  }

  /** Tokenizes one text. */
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    tokenizeInto(text, out);
    return out;
  }

  /**
   * One character of Python's {@code text.lower()} followed by {@code re.sub(r"[^a-z0-9]+", " ", ...)}:
   * the lower-case ASCII letter or digit it becomes, or 0 where it separates tokens. The only non-ASCII
   * characters whose lower case is ASCII are U+0130 (to "i" plus a combining mark) and the Kelvin sign.
   */
  private static char fold(char c) {
    if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
      return c;
    } else if (c >= 'A' && c <= 'Z') {
      return (char) (c + ('a' - 'A'));
    } else if (c == '\u0130') {
      return 'i';
    } else if (c == '\u212A') {
      return 'k';
    }
    return 0;
  }

  /** Tokenizes one text and appends the tokens to {@code out}. */
  public void tokenizeInto(String text, List<String> out) {
    int n = text.length();
    char[] buf = new char[Math.min(n, 256)];
    int len = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      char mapped = fold(c);
      // "İ".lower() == "i\u0307": an 'i' followed by a combining mark that separates.
      boolean breakAfter = c == '\u0130';
      if (mapped != 0) {
        if (len == buf.length) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = mapped;
      }
      if ((mapped == 0 || breakAfter) && len > 0) {
        out.add(finish(new String(buf, 0, len)));
        len = 0;
      }
    }
  }

  /**
   * Tokenizes one text straight to ids: equal ids mean equal (stemmed) tokens, for any texts
   * tokenized by this tokenizer on any thread. No strings are built for tokens seen before.
   */
  public int[] tokenizeIds(String text) {
    int n = text.length();
    char[] buf = new char[64];
    int[] out = new int[Math.max(4, n / 4)];
    int count = 0;
    int len = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      char mapped = fold(c);
      // "İ".lower() == "i\u0307": an 'i' followed by a combining mark that separates.
      boolean breakAfter = c == '\u0130';
      if (mapped != 0) {
        if (len == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = mapped;
      }
      if ((mapped == 0 || breakAfter) && len > 0) {
        if (count == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        out[count++] = ids.id(buf, 0, len);
        len = 0;
      }
    }
    return Arrays.copyOf(out, count);
  }

  private String finish(String token) {
    if (!stemming || token.length() <= 3) {
      return token;
    }
    String s = cache.get(token);
    if (s == null) {
      s = STEMMER.stem(token);
      if (cache.size() < CACHE_LIMIT) {
        cache.putIfAbsent(token, s);
      }
    }
    return s;
  }
}
