package io.github.geollava.examples.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content-word counts over a set of captions, for the report's version of the paper's Figure 3 (the
 * most frequent words of the ground truth against those of the generated captions).
 *
 * <p>A word is a run of ASCII letters, lower-cased, at least two letters long and not in
 * {@link #STOPWORDS}; digits, punctuation and hyphens split words ({@code 2-lane} gives {@code lane}).
 *
 * @param counts occurrences per word, most frequent first (ties in alphabetical order)
 * @param documents the number of captions counted, null captions included
 */
public record WordFrequencies(Map<String, Integer> counts, int documents) {

  /**
   * A small English stopword list: articles, pronouns, prepositions, auxiliaries and conjunctions,
   * the words that top any English word count and say nothing about what changed, plus the caption
   * template's {@code image} and {@code images}.
   */
  public static final Set<String> STOPWORDS = Set.of(
      "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "as", "of", "at", "by",
      "for", "with", "about", "into", "onto", "to", "from", "in", "on", "off", "over", "under", "up", "down",
      "out", "through", "between", "during", "before", "after", "while", "since", "there", "here", "this",
      "that", "these", "those", "it", "its", "itself", "they", "them", "their", "we", "our", "you", "your",
      "he", "she", "his", "her", "i", "me", "my", "is", "are", "was", "were", "be", "been", "being", "am",
      "has", "have", "had", "having", "do", "does", "did", "can", "could", "will", "would", "shall", "should",
      "may", "might", "must", "also", "not", "no", "which", "who", "whom", "what", "where", "when", "how",
      "some", "any", "each", "both", "all", "such", "very", "more", "most", "other", "only", "same", "just",
      // The caption template's own words ("Image 1: ... Changes Between the Images: ..."): every caption
      // has them, so they would top both counts and hide the words that differ.
      "image", "images");

  private static final Pattern WORD = Pattern.compile("[a-z]+");

  /** Validates the counts and takes a read-only copy that keeps their order. */
  public WordFrequencies {
    Objects.requireNonNull(counts, "counts");
    if (documents < 0) {
      throw new IllegalArgumentException("documents must be >= 0, found " + documents);
    }
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  /**
   * Counts the content words of some captions.
   *
   * @param captions the captions; null entries count as empty captions
   * @return the counts, most frequent first
   */
  public static WordFrequencies of(Collection<String> captions) {
    Map<String, Integer> raw = new HashMap<>();
    for (String c : captions) {
      for (String w : words(c)) {
        raw.merge(w, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(raw.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Integer> ordered = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : sorted) {
      ordered.put(e.getKey(), e.getValue());
    }
    return new WordFrequencies(ordered, captions.size());
  }

  /**
   * The content words of one text, in order, repeats kept.
   *
   * @param text the text, or null
   * @return lower-cased letter-only words that are at least two letters long and not stopwords
   */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.length() > 1 && !STOPWORDS.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * The {@code n} most frequent words.
   *
   * @param n how many words at most
   * @return the words, most frequent first
   */
  public List<String> top(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, found " + n);
    }
    return counts.keySet().stream().limit(n).toList();
  }

  /**
   * How often a word occurs.
   *
   * @param word a lower-case word
   * @return its count, 0 if absent
   */
  public int count(String word) {
    return counts.getOrDefault(word, 0);
  }

  /**
   * Occurrences per caption, which compares sets of captions of different sizes.
   *
   * @param word a lower-case word
   * @return {@code count(word) / documents}, 0 when there are no captions
   */
  public double perCaption(String word) {
    return documents == 0 ? 0 : (double) count(word) / documents;
  }

  /** The total number of counted words. */
  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
