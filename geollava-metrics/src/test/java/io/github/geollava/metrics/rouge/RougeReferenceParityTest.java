package io.github.geollava.metrics.rouge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geollava.metrics.Score;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The optimised scorer (token ids, flat counting, bit-parallel LCS) against a literal transcription
 * of rouge-score's string algorithm (Counter intersections and the DP table) on random texts.
 */
class RougeReferenceParityTest {

  private static final String[] WORDS = {
    "The", "building", "buildings", "ROADS", "road,", "new", "appeared.", "flies", "dying", "a",
    "de-molished", "İstanbul", "café", "42", "x", "—", "...", "東京", "houses\n", "sky"
  };

  @Test
  void matchesStringAlgorithmOnRandomTexts() {
    SplittableRandom rng = new SplittableRandom(5);
    RougeScorer scorer =
        RougeScorer.builder().optTypes(List.of("rouge1", "rouge2", "rouge3", "rougeL")).build();
    RougeTokenizer tok = new RougeTokenizer(true);
    for (int trial = 0; trial < 500; trial++) {
      String t = text(rng);
      String p = text(rng);
      Map<String, Score> got = scorer.score(t, p);
      List<String> tt = tok.tokenize(t);
      List<String> pt = tok.tokenize(p);
      for (int n = 1; n <= 3; n++) {
        assertThat(got.get("rouge" + n)).isEqualTo(ngrams(tt, pt, n));
      }
      assertThat(got.get("rougeL")).isEqualTo(lcs(tt, pt));
    }
  }

  private static String text(SplittableRandom rng) {
    StringBuilder sb = new StringBuilder();
    for (int i = rng.nextInt(0, 120); i > 0; i--) {
      sb.append(WORDS[rng.nextInt(WORDS.length)]).append(' ');
    }
    return sb.toString();
  }

  private static Map<List<String>, Integer> counts(List<String> toks, int n) {
    Map<List<String>, Integer> c = new HashMap<>();
    for (int i = 0; i + n <= toks.size(); i++) {
      c.merge(new ArrayList<>(toks.subList(i, i + n)), 1, Integer::sum);
    }
    return c;
  }

  private static Score ngrams(List<String> t, List<String> p, int n) {
    Map<List<String>, Integer> tc = counts(t, n);
    Map<List<String>, Integer> pc = counts(p, n);
    int inter = 0;
    for (Map.Entry<List<String>, Integer> e : tc.entrySet()) {
      inter += Math.min(e.getValue(), pc.getOrDefault(e.getKey(), 0));
    }
    int tn = tc.values().stream().mapToInt(Integer::intValue).sum();
    int pn = pc.values().stream().mapToInt(Integer::intValue).sum();
    return Score.of((double) inter / Math.max(pn, 1), (double) inter / Math.max(tn, 1));
  }

  private static Score lcs(List<String> t, List<String> p) {
    if (t.isEmpty() || p.isEmpty()) {
      return Score.ZERO;
    }
    int[][] table = new int[t.size() + 1][p.size() + 1];
    for (int i = 1; i <= t.size(); i++) {
      for (int j = 1; j <= p.size(); j++) {
        table[i][j] =
            t.get(i - 1).equals(p.get(j - 1))
                ? table[i - 1][j - 1] + 1
                : Math.max(table[i - 1][j], table[i][j - 1]);
      }
    }
    int l = table[t.size()][p.size()];
    return Score.of((double) l / p.size(), (double) l / t.size());
  }
}
