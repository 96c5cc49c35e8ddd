package io.github.geollava.metrics.cider;

import io.github.geollava.metrics.PythonText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CIDEr-D exactly as pycocoevalcap's {@code Cider} scorer ({@code cider_scorer.py}):
 *
 * <ul>
 *   <li>texts split on whitespace ({@code str.split()}); tokenization such as the PTB tokenizer is
 *       the caller's choice, as it is in pycocoevalcap;
 *   <li>n-grams of order 1..n (default 4), document frequencies counted over the reference sets of
 *       the evaluated corpus (an n-gram counts once per item), and {@code log(#items)} as the
 *       reference length;
 *   <li>tf-idf vectors {@code tf * (log(#items) - log(max(1, df)))} per order; per reference the
 *       candidate weights clipped by the reference's ({@code min(h, r) * r}), cosine by the two
 *       norms, times the Gaussian length penalty {@code e^(-delta^2 / (2 sigma^2))} with delta the
 *       difference of the two "lengths" (pycocoevalcap counts the bigrams there, a quirk we keep);
 *   <li>mean over orders, divided by the number of references, times 10.
 * </ul>
 *
 * <p>Summation follows Python's dictionary insertion order so results agree to the last bit.
 * Scores depend on the whole corpus (document frequencies), so score all pairs in one call.
 */
public final class CiderD {

  private final int n;
  private final double sigma;

  /**
   * Creates a scorer.
   *
   * @param n the largest n-gram order, at least 1 (pycocoevalcap: 4)
   * @param sigma the length-penalty width, positive (pycocoevalcap: 6.0)
   */
  public CiderD(int n, double sigma) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    if (!(sigma > 0)) {
      throw new IllegalArgumentException("sigma must be positive, got " + sigma);
    }
    this.n = n;
    this.sigma = sigma;
  }

  /** pycocoevalcap's defaults: n = 4, sigma = 6. */
  public static CiderD defaults() {
    return new CiderD(4, 6.0);
  }

  /**
   * Corpus result.
   *
   * @param mean the mean of the per-item scores (pycocoevalcap's first return value)
   * @param perItem one score per candidate
   */
  public record Result(double mean, double[] perItem) {}

  /**
   * Scores each candidate against its references.
   *
   * @param candidates one candidate per item
   * @param references the references of each item (at least one each)
   */
  public Result score(List<String> candidates, List<List<String>> references) {
    if (candidates.size() != references.size()) {
      throw new IllegalArgumentException(
          "got " + candidates.size() + " candidates but " + references.size() + " reference sets");
    }
    int items = candidates.size();
    if (items == 0) {
      return new Result(Double.NaN, new double[0]);
    }
    List<Map<String, Integer>> ctest = new ArrayList<>(items);
    List<List<Map<String, Integer>>> crefs = new ArrayList<>(items);
    for (int i = 0; i < items; i++) {
      if (references.get(i).isEmpty()) {
        throw new IllegalArgumentException("item " + i + " has no reference");
      }
      ctest.add(precook(candidates.get(i)));
      List<Map<String, Integer>> refs = new ArrayList<>();
      for (String r : references.get(i)) {
        refs.add(precook(r));
      }
      crefs.add(refs);
    }
    HashMap<String, Integer> df = new HashMap<>();
    for (List<Map<String, Integer>> refs : crefs) {
      java.util.HashSet<String> seen = new java.util.HashSet<>();
      for (Map<String, Integer> ref : refs) {
        seen.addAll(ref.keySet());
      }
      for (String g : seen) {
        df.merge(g, 1, Integer::sum);
      }
    }
    double refLen = Math.log((double) items);
    double[] scores = new double[items];
    for (int i = 0; i < items; i++) {
      Vec hyp = vector(ctest.get(i), df, refLen);
      double[] score = new double[n];
      for (Map<String, Integer> ref : crefs.get(i)) {
        Vec r = vector(ref, df, refLen);
        double[] val = sim(hyp, r);
        for (int k = 0; k < n; k++) {
          score[k] += val[k];
        }
      }
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += score[k];
      }
      double avg = sum / n;
      avg /= crefs.get(i).size();
      avg *= 10.0;
      scores[i] = avg;
    }
    // np.mean: numpy's pairwise summation, then one division.
    return new Result(NumpySum.sum(scores) / items, scores);
  }

  /** pycocoevalcap's {@code precook}: n-gram counts in first-occurrence order, keys space-joined. */
  private Map<String, Integer> precook(String s) {
    List<String> words = PythonText.split(s);
    LinkedHashMap<String, Integer> counts = new LinkedHashMap<>();
    for (int k = 1; k <= n; k++) {
      for (int i = 0; i + k <= words.size(); i++) {
        String key = k + "\u0000" + String.join(" ", words.subList(i, i + k));
        counts.merge(key, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The tf-idf vectors of one text: per order, entries in insertion order. */
  private record Vec(List<LinkedHashMap<String, Double>> vec, double[] norm, int length) {}

  private Vec vector(Map<String, Integer> counts, Map<String, Integer> df, double refLen) {
    List<LinkedHashMap<String, Double>> vec = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      vec.add(new LinkedHashMap<>());
    }
    double[] norm = new double[n];
    int length = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      String g = e.getKey();
      int tf = e.getValue();
      double d = Math.log(Math.max(1.0, df.getOrDefault(g, 0)));
      int order = Integer.parseInt(g.substring(0, g.indexOf('\u0000'))) - 1;
      double v = tf * (refLen - d);
      vec.get(order).put(g, v);
      norm[order] += v * v; // Python's pow(v, 2) is the rounded square
      if (order == 1) {
        length += tf;
      }
    }
    for (int k = 0; k < n; k++) {
      norm[k] = Math.sqrt(norm[k]);
    }
    return new Vec(vec, norm, length);
  }

  private double[] sim(Vec hyp, Vec ref) {
    double delta = hyp.length - ref.length;
    double[] val = new double[n];
    for (int k = 0; k < n; k++) {
      Map<String, Double> rv = ref.vec.get(k);
      for (Map.Entry<String, Double> e : hyp.vec.get(k).entrySet()) {
        double h = e.getValue();
        double r = rv.getOrDefault(e.getKey(), 0.0);
        val[k] += Math.min(h, r) * r;
      }
      if (hyp.norm[k] != 0 && ref.norm[k] != 0) {
        val[k] /= hyp.norm[k] * ref.norm[k];
      }
      val[k] *= Math.pow(Math.E, -(delta * delta) / (2 * (sigma * sigma)));
    }
    return val;
  }
}
