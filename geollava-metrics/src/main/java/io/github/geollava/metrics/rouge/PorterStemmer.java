package io.github.geollava.metrics.rouge;

import java.util.Map;
import java.util.function.Predicate;

/**
 * NLTK's {@code PorterStemmer} in its default {@code NLTK_EXTENSIONS} mode, the stemmer rouge-score
 * uses. This is a re-implementation of NLTK's rule set, not of the original 1980 paper nor of the
 * Snowball/Lucene variants, which stem some words differently. The NLTK departures reproduced here:
 *
 * <ul>
 *   <li>a pool of irregular forms ({@code skies}, {@code dying}, {@code news}, {@code innings}, ...);
 *   <li>words of one or two characters are returned unchanged;
 *   <li>step 1a: {@code ies -> ie} for four-letter words ({@code ties -> tie}), else {@code ies -> i};
 *   <li>step 1b: {@code ied -> ie} for four-letter words, else {@code ied -> i};
 *   <li>step 1c: {@code y -> i} only after a consonant that is not the first letter;
 *   <li>step 2: {@code alli -> al} tried first and recursed, {@code bli -> ble}, {@code fulli -> ful},
 *       {@code logi -> log} with the measure taken on the word minus {@code ogi};
 *   <li>condition *o also holds for a two-letter vowel-consonant stem.
 * </ul>
 *
 * <p>Input is expected in lower case (rouge-score lower-cases before stemming); the stemmer is
 * stateless and thread-safe.
 */
public final class PorterStemmer {

  private static final Map<String, String> POOL =
      Map.ofEntries(
          Map.entry("sky", "sky"),
          Map.entry("skies", "sky"),
          Map.entry("dying", "die"),
          Map.entry("lying", "lie"),
          Map.entry("tying", "tie"),
          Map.entry("news", "news"),
          Map.entry("innings", "inning"),
          Map.entry("inning", "inning"),
          Map.entry("outings", "outing"),
          Map.entry("outing", "outing"),
          Map.entry("cannings", "canning"),
          Map.entry("canning", "canning"),
          Map.entry("howe", "howe"),
          Map.entry("proceed", "proceed"),
          Map.entry("exceed", "exceed"),
          Map.entry("succeed", "succeed"));

  /** One rewrite rule: a suffix, its replacement and a condition on the remaining stem. */
  private record Rule(String suffix, String replacement, Predicate<String> condition) {}

  /** Creates a stemmer. */
  public PorterStemmer() {}

  /** Stems one lower-case word. */
  public String stem(String word) {
    String pooled = POOL.get(word);
    if (pooled != null) {
      return pooled;
    }
    if (word.length() <= 2) {
      return word;
    }
    String s = step1a(word);
    s = step1b(s);
    s = step1c(s);
    s = step2(s);
    s = step3(s);
    s = step4(s);
    s = step5a(s);
    return step5b(s);
  }

  // ---- letter classes and the measure -----------------------------------------------------------

  private static boolean isVowelLetter(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  /** NLTK's {@code _is_consonant}: y is a consonant at the start or after a vowel. */
  static boolean isConsonant(CharSequence w, int i) {
    char c = w.charAt(i);
    if (isVowelLetter(c)) {
      return false;
    }
    if (c == 'y') {
      return i == 0 || !isConsonant(w, i - 1);
    }
    return true;
  }

  /** The number of "vc" transitions in the consonant/vowel pattern, Porter's m. */
  static int measure(CharSequence stem) {
    int m = 0;
    boolean prevVowel = false;
    for (int i = 0; i < stem.length(); i++) {
      boolean consonant = isConsonant(stem, i);
      if (consonant && prevVowel) {
        m++;
      }
      prevVowel = !consonant;
    }
    return m;
  }

  private static boolean positiveMeasure(String stem) {
    return measure(stem) > 0;
  }

  private static boolean containsVowel(String stem) {
    for (int i = 0; i < stem.length(); i++) {
      if (!isConsonant(stem, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsDoubleConsonant(String w) {
    int n = w.length();
    return n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && isConsonant(w, n - 1);
  }

  /** Condition *o, with NLTK's extension for two-letter vowel-consonant stems. */
  static boolean endsCvc(String w) {
    int n = w.length();
    if (n >= 3
        && isConsonant(w, n - 3)
        && !isConsonant(w, n - 2)
        && isConsonant(w, n - 1)) {
      char last = w.charAt(n - 1);
      if (last != 'w' && last != 'x' && last != 'y') {
        return true;
      }
    }
    return n == 2 && !isConsonant(w, 0) && isConsonant(w, 1);
  }

  private static String chop(String w, int k) {
    return w.substring(0, w.length() - k);
  }

  /**
   * NLTK's {@code _apply_rule_list}: the first rule whose suffix matches decides, whether or not its
   * condition holds. The suffix {@code "*d"} means "ends in a double consonant".
   */
  private static String applyRules(String word, Rule... rules) {
    for (Rule r : rules) {
      if (r.suffix.equals("*d")) {
        if (endsDoubleConsonant(word)) {
          String stem = chop(word, 2);
          return r.condition == null || r.condition.test(stem) ? stem + r.replacement : word;
        }
        continue;
      }
      if (word.endsWith(r.suffix)) {
        String stem = chop(word, r.suffix.length());
        return r.condition == null || r.condition.test(stem) ? stem + r.replacement : word;
      }
    }
    return word;
  }

  // ---- the steps -----------------------------------------------------------------------------

  private static String step1a(String w) {
    if (w.endsWith("ies") && w.length() == 4) {
      return chop(w, 3) + "ie";
    }
    return applyRules(
        w,
        new Rule("sses", "ss", null),
        new Rule("ies", "i", null),
        new Rule("ss", "ss", null),
        new Rule("s", "", null));
  }

  private static String step1b(String w) {
    if (w.endsWith("ied")) {
      return w.length() == 4 ? chop(w, 3) + "ie" : chop(w, 3) + "i";
    }
    if (w.endsWith("eed")) {
      String stem = chop(w, 3);
      return measure(stem) > 0 ? stem + "ee" : w;
    }
    String inter = null;
    if (w.endsWith("ed") && containsVowel(chop(w, 2))) {
      inter = chop(w, 2);
    } else if (w.endsWith("ing") && containsVowel(chop(w, 3))) {
      inter = chop(w, 3);
    }
    if (inter == null) {
      return w;
    }
    final String stem1 = inter;
    // NLTK passes an empty intermediate stem through: its *d rule then reads stem[-1] lazily.
    String lastLetter = stem1.isEmpty() ? "" : stem1.substring(stem1.length() - 1);
    return applyRules(
        stem1,
        new Rule("at", "ate", null),
        new Rule("bl", "ble", null),
        new Rule("iz", "ize", null),
        new Rule(
            "*d",
            lastLetter,
            s -> !(lastLetter.equals("l") || lastLetter.equals("s") || lastLetter.equals("z"))),
        new Rule("", "e", s -> measure(s) == 1 && endsCvc(s)));
  }

  private static String step1c(String w) {
    return applyRules(
        w, new Rule("y", "i", s -> s.length() > 1 && isConsonant(s, s.length() - 1)));
  }

  private static String step2(String w) {
    if (w.endsWith("alli") && positiveMeasure(chop(w, 4))) {
      return step2(chop(w, 4) + "al");
    }
    Predicate<String> pos = PorterStemmer::positiveMeasure;
    return applyRules(
        w,
        new Rule("ational", "ate", pos),
        new Rule("tional", "tion", pos),
        new Rule("enci", "ence", pos),
        new Rule("anci", "ance", pos),
        new Rule("izer", "ize", pos),
        new Rule("bli", "ble", pos),
        new Rule("alli", "al", pos),
        new Rule("entli", "ent", pos),
        new Rule("eli", "e", pos),
        new Rule("ousli", "ous", pos),
        new Rule("ization", "ize", pos),
        new Rule("ation", "ate", pos),
        new Rule("ator", "ate", pos),
        new Rule("alism", "al", pos),
        new Rule("iveness", "ive", pos),
        new Rule("fulness", "ful", pos),
        new Rule("ousness", "ous", pos),
        new Rule("aliti", "al", pos),
        new Rule("iviti", "ive", pos),
        new Rule("biliti", "ble", pos),
        new Rule("fulli", "ful", pos),
        // The 'l' of logi stays with the stem so that short stems such as "geo" qualify.
        new Rule("logi", "log", s -> positiveMeasure(chop(w, 3))));
  }

  private static String step3(String w) {
    Predicate<String> pos = PorterStemmer::positiveMeasure;
    return applyRules(
        w,
        new Rule("icate", "ic", pos),
        new Rule("ative", "", pos),
        new Rule("alize", "al", pos),
        new Rule("iciti", "ic", pos),
        new Rule("ical", "ic", pos),
        new Rule("ful", "", pos),
        new Rule("ness", "", pos));
  }

  private static String step4(String w) {
    Predicate<String> gt1 = s -> measure(s) > 1;
    return applyRules(
        w,
        new Rule("al", "", gt1),
        new Rule("ance", "", gt1),
        new Rule("ence", "", gt1),
        new Rule("er", "", gt1),
        new Rule("ic", "", gt1),
        new Rule("able", "", gt1),
        new Rule("ible", "", gt1),
        new Rule("ant", "", gt1),
        new Rule("ement", "", gt1),
        new Rule("ment", "", gt1),
        new Rule("ent", "", gt1),
        new Rule(
            "ion",
            "",
            s ->
                measure(s) > 1
                    && (s.charAt(s.length() - 1) == 's' || s.charAt(s.length() - 1) == 't')),
        new Rule("ou", "", gt1),
        new Rule("ism", "", gt1),
        new Rule("ate", "", gt1),
        new Rule("iti", "", gt1),
        new Rule("ous", "", gt1),
        new Rule("ive", "", gt1),
        new Rule("ize", "", gt1));
  }

  private static String step5a(String w) {
    if (w.endsWith("e")) {
      String stem = chop(w, 1);
      int m = measure(stem);
      if (m > 1) {
        return stem;
      }
      if (m == 1 && !endsCvc(stem)) {
        return stem;
      }
    }
    return w;
  }

  private static String step5b(String w) {
    return applyRules(w, new Rule("ll", "l", s -> measure(chop(w, 1)) > 1));
  }
}
