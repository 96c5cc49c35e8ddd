package io.github.geollava.metrics.rouge;

import io.github.geollava.metrics.DenseCounter;
import io.github.geollava.metrics.Score;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * ROUGE-N, ROUGE-L and ROUGE-Lsum exactly as Google's {@code rouge-score} ({@code RougeScorer}):
 *
 * <ul>
 *   <li>ROUGE-N: clipped n-gram overlap, precision over the prediction's n-grams and recall over the
 *       target's (each denominator at least 1);
 *   <li>ROUGE-L: longest common subsequence of the whole token sequences (0 if either is empty);
 *   <li>ROUGE-Lsum: texts split on {@code '\n'} (empty lines dropped), union-LCS of each target
 *       sentence against all prediction sentences, with the ROUGE 1.5.5 guard against counting a
 *       token more often than it occurs in either text;
 *   <li>F-measure {@code 2PR/(P+R)}; with several targets, per type the score of the target with the
 *       highest F-measure (the first on ties), as {@code score_multi}.
 * </ul>
 *
 * <p>Thread-safe; one instance can serve parallel streams.
 */
public final class RougeScorer {

  private static final Pattern ROUGE_N = Pattern.compile("rouge([1-9])");

  private final List<String> types;
  private final RougeTokenizer tokenizer;

  private RougeScorer(Builder b) {
    this.types = List.copyOf(b.types);
    this.tokenizer = new RougeTokenizer(b.stemming);
  }

  /** A builder: types rouge1, rouge2, rougeL, rougeLsum and stemming on by default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The rouge types this scorer computes, in output order. */
  public List<String> types() {
    return types;
  }

  /** The tokenizer in use. */
  public RougeTokenizer tokenizer() {
    return tokenizer;
  }

  /** Scores one prediction against one target; the map follows {@link #types()} order. */
  public Map<String, Score> score(String target, String prediction) {
    boolean onlyLsum = types.size() == 1 && types.get(0).equals("rougeLsum");
    Map<String, Score> result = new LinkedHashMap<>();
    int[] t = null;
    int[] p = null;
    DenseCounter dense = DenseCounter.get();
    if (!onlyLsum) {
      dense.begin();
      t = dense.remap(tokenizer.tokenizeIds(target));
      p = dense.remap(tokenizer.tokenizeIds(prediction));
    }
    for (String type : types) {
      if (type.equals("rougeL")) {
        result.put(type, scoreLcs(t, p, dense.vocab()));
      } else if (type.equals("rougeLsum")) {
        result.put(type, summaryLevelLcs(sentences(target), sentences(prediction)));
      } else {
        int n = type.charAt(5) - '0';
        int overlap = n <= 2 ? dense.overlap(t, p, n) : -1;
        result.put(
            type,
            overlap >= 0
                ? ngramScore(overlap, Math.max(t.length - n + 1, 0), Math.max(p.length - n + 1, 0))
                : scoreNgrams(t, p, n));
      }
    }
    return result;
  }

  /**
   * rouge-score's {@code score_multi}: scores against every target and keeps, per type, the score
   * with the highest F-measure (the first one on ties).
   */
  public Map<String, Score> scoreMulti(List<String> targets, String prediction) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("targets must not be empty");
    }
    Map<String, Score> best = null;
    for (String target : targets) {
      Map<String, Score> s = score(target, prediction);
      if (best == null) {
        best = s;
        continue;
      }
      for (String type : types) {
        if (s.get(type).fmeasure() > best.get(type).fmeasure()) {
          best.put(type, s.get(type));
        }
      }
    }
    return best;
  }

  // ---- n-grams -----------------------------------------------------------------------------

  /** Clipped n-gram overlap over interned ids. */
  static Score scoreNgrams(int[] target, int[] prediction, int n) {
    long[] tk = ngramKeys(target, prediction, n, true);
    long[] pk = ngramKeys(target, prediction, n, false);
    Arrays.sort(tk);
    Arrays.sort(pk);
    // Merge two sorted multisets: the intersection size is the sum of min counts.
    int i = 0;
    int j = 0;
    int overlap = 0;
    while (i < tk.length && j < pk.length) {
      int c = Long.compare(tk[i], pk[j]);
      if (c == 0) {
        overlap++;
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return ngramScore(overlap, tk.length, pk.length);
  }

  /** rouge-score's {@code _score_ngrams} from the counts. */
  private static Score ngramScore(int overlap, int targetCount, int predictionCount) {
    double precision = (double) overlap / Math.max(predictionCount, 1);
    double recall = (double) overlap / Math.max(targetCount, 1);
    return Score.of(precision, recall);
  }

  /**
   * Exact keys of the n-grams of one side. Orders 1 and 2 pack ids into a long; higher orders intern
   * the (n-1)-gram prefixes level by level, shared by both sides so equal n-grams get equal keys.
   */
  private static long[] ngramKeys(int[] target, int[] prediction, int n, boolean wantTarget) {
    int[] seq = wantTarget ? target : prediction;
    if (seq.length < n) {
      return new long[0];
    }
    if (n == 1) {
      long[] k = new long[seq.length];
      for (int i = 0; i < seq.length; i++) {
        k[i] = seq[i];
      }
      return k;
    }
    int[] prefT = target;
    int[] prefP = prediction;
    for (int level = 2; level < n; level++) {
      // One table per order: the ids of one order only ever meet ids of the same order.
      HashMap<Long, Integer> table = new HashMap<>();
      prefT = extend(prefT, target, level, table);
      prefP = extend(prefP, prediction, level, table);
    }
    int[] pref = wantTarget ? prefT : prefP;
    long[] k = new long[seq.length - n + 1];
    for (int i = 0; i < k.length; i++) {
      k[i] = ((long) pref[i] << 32) | (seq[i + n - 1] & 0xffffffffL);
    }
    return k;
  }

  /** Ids of the {@code level}-grams, from the ids of the (level-1)-grams. */
  private static int[] extend(int[] prev, int[] seq, int level, HashMap<Long, Integer> table) {
    int count = Math.max(seq.length - level + 1, 0);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      long key = ((long) prev[i] << 32) | (seq[i + level - 1] & 0xffffffffL);
      out[i] = table.computeIfAbsent(key, k -> table.size());
    }
    return out;
  }

  // ---- LCS ----------------------------------------------------------------------------------

  static Score scoreLcs(int[] target, int[] prediction, int vocab) {
    if (target.length == 0 || prediction.length == 0) {
      return Score.ZERO;
    }
    int lcs = Lcs.length(target, prediction, vocab);
    return Score.of((double) lcs / prediction.length, (double) lcs / target.length);
  }

  private List<int[]> sentences(String text) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      if (end > start) {
        out.add(tokenizer.tokenizeIds(text.substring(start, end)));
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return out;
  }

  /** rouge-score's {@code _summary_level_lcs} with the union LCS and the double-count guard. */
  static Score summaryLevelLcs(List<int[]> refSents, List<int[]> canSents) {
    if (refSents.isEmpty() || canSents.isEmpty()) {
      return Score.ZERO;
    }
    int m = 0;
    int n = 0;
    HashMap<Integer, Integer> cntR = new HashMap<>();
    HashMap<Integer, Integer> cntC = new HashMap<>();
    for (int[] s : refSents) {
      m += s.length;
      for (int tok : s) {
        cntR.merge(tok, 1, Integer::sum);
      }
    }
    for (int[] s : canSents) {
      n += s.length;
      for (int tok : s) {
        cntC.merge(tok, 1, Integer::sum);
      }
    }
    if (n == 0 || m == 0) {
      return Score.ZERO;
    }
    int hits = 0;
    for (int[] r : refSents) {
      TreeSet<Integer> union = new TreeSet<>();
      for (int[] c : canSents) {
        union.addAll(Lcs.indices(r, c));
      }
      for (int idx : union) {
        int tok = r[idx];
        int c = cntC.getOrDefault(tok, 0);
        int rr = cntR.getOrDefault(tok, 0);
        if (c > 0 && rr > 0) {
          hits++;
          cntC.put(tok, c - 1);
          cntR.put(tok, rr - 1);
        }
      }
    }
    return Score.of((double) hits / n, (double) hits / m);
  }

  /** Builder of {@link RougeScorer}. */
  public static final class Builder {
    private List<String> types = List.of("rouge1", "rouge2", "rougeL", "rougeLsum");
    private boolean stemming = true;

    private Builder() {}

    /**
     * Sets the rouge types: {@code rouge1}..{@code rouge9}, {@code rougeL}, {@code rougeLsum}.
     */
    public Builder optTypes(List<String> types) {
      if (types.isEmpty()) {
        throw new IllegalArgumentException("rouge types must not be empty");
      }
      for (String t : types) {
        if (!t.equals("rougeL") && !t.equals("rougeLsum") && !ROUGE_N.matcher(t).matches()) {
          throw new IllegalArgumentException(
              "invalid rouge type '" + t + "': expected rouge1..rouge9, rougeL or rougeLsum");
        }
      }
      this.types = List.copyOf(types);
      return this;
    }

    /** Sets whether tokens longer than three characters are Porter-stemmed (default true). */
    public Builder optStemming(boolean stemming) {
      this.stemming = stemming;
      return this;
    }

    /** Builds the scorer. */
    public RougeScorer build() {
      return new RougeScorer(this);
    }
  }
}
