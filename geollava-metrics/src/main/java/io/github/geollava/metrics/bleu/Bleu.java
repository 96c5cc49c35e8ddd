package io.github.geollava.metrics.bleu;

import io.github.geollava.metrics.NgramKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BLEU exactly as NLTK 3.8's {@code nltk.translate.bleu_score}: {@code sentence_bleu} is
 * {@code corpus_bleu} of one pair; per order the clipped n-gram matches and the hypothesis n-gram
 * counts (at least 1 per sentence) are summed over the corpus and kept as an unnormalised fraction;
 * the brevity penalty uses the closest reference length (ties to the shorter); a zero unigram
 * numerator returns 0 before smoothing; after smoothing, orders whose precision is not positive are
 * skipped in the weighted log sum, which is summed with {@code math.fsum}.
 *
 * <p>With smoothing method 0 a zero precision becomes {@link Double#MIN_NORMAL}, as NLTK's
 * {@code sys.float_info.min}, and a warning is logged once per order (Python shows its warning once
 * per message too). Stateless and thread-safe.
 */
public final class Bleu {

  private static final Logger LOG = LoggerFactory.getLogger(Bleu.class);
  private static final AtomicIntegerArray WARNED = new AtomicIntegerArray(64);

  private Bleu() {}

  /**
   * NLTK's {@code sentence_bleu(references, hypothesis, weights, smoothing_function)}.
   *
   * @param references the tokenized references (at least one)
   * @param hypothesis the tokenized hypothesis
   * @param weights the weight of each n-gram order (order 1 first), at least one
   * @param smoothing the smoothing function
   * @param autoReweigh NLTK's {@code auto_reweigh}
   */
  public static double sentenceBleu(
      List<List<String>> references,
      List<String> hypothesis,
      double[] weights,
      Smoothing smoothing,
      boolean autoReweigh) {
    return corpusBleu(List.of(references), List.of(hypothesis), weights, smoothing, autoReweigh);
  }

  /** {@link #sentenceBleu(List, List, double[], Smoothing, boolean)} without auto re-weighing. */
  public static double sentenceBleu(
      List<List<String>> references, List<String> hypothesis, double[] weights, Smoothing smoothing) {
    return sentenceBleu(references, hypothesis, weights, smoothing, false);
  }

  /**
   * NLTK's {@code corpus_bleu(list_of_references, hypotheses, weights, smoothing_function,
   * auto_reweigh)}.
   */
  public static double corpusBleu(
      List<List<List<String>>> listOfReferences,
      List<List<String>> hypotheses,
      double[] weights,
      Smoothing smoothing,
      boolean autoReweigh) {
    if (listOfReferences.size() != hypotheses.size()) {
      throw new IllegalArgumentException(
          "list_of_references has "
              + listOfReferences.size()
              + " entries but hypotheses has "
              + hypotheses.size());
    }
    if (weights.length == 0) {
      throw new IllegalArgumentException("weights must not be empty");
    }
    if (hypotheses.isEmpty()) {
      throw new IllegalArgumentException("corpus_bleu needs at least one hypothesis");
    }
    int orders = weights.length;
    long[] numerators = new long[orders + 1];
    long[] denominators = new long[orders + 1];
    long hypLengths = 0;
    long refLengths = 0;
    for (int s = 0; s < hypotheses.size(); s++) {
      List<List<String>> refs = listOfReferences.get(s);
      List<String> hyp = hypotheses.get(s);
      if (refs.isEmpty()) {
        throw new IllegalArgumentException("pair " + s + " has no reference");
      }
      long[][] counts = clippedCounts(refs, hyp, orders);
      for (int i = 1; i <= orders; i++) {
        numerators[i] += counts[i - 1][0];
        denominators[i] += counts[i - 1][1];
      }
      hypLengths += hyp.size();
      refLengths += closestRefLength(refs, hyp.size());
    }
    List<List<String>> lastRefs = listOfReferences.get(listOfReferences.size() - 1);
    List<String> lastHyp = hypotheses.get(hypotheses.size() - 1);
    return fromCounts(
        numerators, denominators, hypLengths, refLengths, weights, smoothing, autoReweigh, lastRefs,
        lastHyp);
  }

  /**
   * The end of {@code corpus_bleu} once the counts are summed: brevity penalty, the zero-unigram
   * exit, smoothing, and the fsum of weighted logs.
   *
   * @param numerators clipped matches per order, index 1..orders
   * @param denominators hypothesis n-grams per order (at least 1 per sentence), index 1..orders
   * @param lastRefs the last pair's references (read by smoothing methods 5-7 only)
   * @param lastHyp the last pair's hypothesis (read by smoothing methods 4-7 only)
   */
  static double fromCounts(
      long[] numerators,
      long[] denominators,
      long hypLengths,
      long refLengths,
      double[] weights,
      Smoothing smoothing,
      boolean autoReweigh,
      List<List<String>> lastRefs,
      List<String> lastHyp) {
    int orders = weights.length;
    double bp = brevityPenalty(refLengths, hypLengths);
    if (numerators[1] == 0) {
      return 0;
    }
    List<PyNum> p = new ArrayList<>(orders);
    for (int i = 1; i <= orders; i++) {
      p.add(PyNum.fraction(numerators[i], denominators[i]));
    }
    smoothing.apply(p, lastRefs, lastHyp, Math.toIntExact(hypLengths));
    double[] w = weights;
    if (autoReweigh
        && hypLengths < 4
        && Arrays.equals(weights, new double[] {0.25, 0.25, 0.25, 0.25})) {
      w = new double[(int) hypLengths];
      Arrays.fill(w, 1.0 / hypLengths);
    }
    int k = Math.min(w.length, p.size());
    double[] terms = new double[k];
    int used = 0;
    for (int i = 0; i < k; i++) {
      PyNum pi = p.get(i);
      if (pi.signum() > 0) {
        terms[used++] = w[i] * Math.log(pi.toDouble());
      }
    }
    return bp * Math.exp(Fsum.fsum(terms, used));
  }

  /** Per order 1..orders: {clipped matches, max(1, hypothesis n-grams)}. */
  static long[][] clippedCounts(List<List<String>> references, List<String> hypothesis, int orders) {
    NgramKeys.Interner interner = new NgramKeys.Interner();
    List<int[]> seqs = new ArrayList<>(references.size() + 1);
    seqs.add(interner.ids(hypothesis));
    for (List<String> r : references) {
      seqs.add(interner.ids(r));
    }
    return clippedCounts(seqs, orders);
  }

  /**
   * Per order 1..orders: {clipped matches, max(1, hypothesis n-grams)} over token ids, the
   * hypothesis first in {@code seqs}, then its references.
   */
  static long[][] clippedCounts(List<int[]> seqs, int orders) {
    long[][] out = new long[orders][2];
    for (int n = 1; n <= orders; n++) {
      long[][] keys = NgramKeys.keys(seqs, n);
      long[] hyp = keys[0];
      Arrays.sort(hyp);
      // distinct hypothesis n-grams with their counts
      int distinct = 0;
      long[] uniq = new long[hyp.length];
      int[] cnt = new int[hyp.length];
      for (int i = 0; i < hyp.length; i++) {
        if (distinct > 0 && uniq[distinct - 1] == hyp[i]) {
          cnt[distinct - 1]++;
        } else {
          uniq[distinct] = hyp[i];
          cnt[distinct++] = 1;
        }
      }
      int[] maxRef = new int[distinct];
      for (int r = 1; r < keys.length; r++) {
        long[] ref = keys[r];
        Arrays.sort(ref);
        int j = 0;
        for (int u = 0; u < distinct; u++) {
          while (j < ref.length && ref[j] < uniq[u]) {
            j++;
          }
          int c = 0;
          while (j < ref.length && ref[j] == uniq[u]) {
            c++;
            j++;
          }
          if (c > maxRef[u]) {
            maxRef[u] = c;
          }
        }
      }
      long clipped = 0;
      for (int u = 0; u < distinct; u++) {
        clipped += Math.min(cnt[u], maxRef[u]);
      }
      out[n - 1][0] = clipped;
      out[n - 1][1] = Math.max(1, hyp.length);
    }
    return out;
  }

  /** NLTK's {@code modified_precision} as an unnormalised fraction. */
  static PyNum modifiedPrecision(List<List<String>> references, List<String> hypothesis, int n) {
    List<List<String>> padded = new ArrayList<>(references);
    long[][] all = clippedCountsOrder(padded, hypothesis, n);
    return PyNum.fraction(all[0][0], all[0][1]);
  }

  private static long[][] clippedCountsOrder(
      List<List<String>> references, List<String> hypothesis, int n) {
    long[][] c = clippedCounts(references, hypothesis, n);
    return new long[][] {c[n - 1]};
  }

  /** NLTK's {@code closest_ref_length}: the closest length, the shorter one on ties. */
  public static int closestRefLength(List<List<String>> references, int hypLen) {
    int best = -1;
    for (List<String> r : references) {
      int len = r.size();
      if (best < 0
          || Math.abs(len - hypLen) < Math.abs(best - hypLen)
          || (Math.abs(len - hypLen) == Math.abs(best - hypLen) && len < best)) {
        best = len;
      }
    }
    return best;
  }

  /** NLTK's {@code brevity_penalty}: 1 if longer, 0 if empty, else {@code exp(1 - r/c)}. */
  public static double brevityPenalty(long closestRefLen, long hypLen) {
    if (hypLen > closestRefLen) {
      return 1;
    }
    if (hypLen == 0) {
      return 0;
    }
    return Math.exp(1 - (double) closestRefLen / hypLen);
  }

  static void warnZeroOrder(int order) {
    if (order < WARNED.length() && WARNED.compareAndSet(order, 0, 1)) {
      LOG.warn(
          "The hypothesis contains 0 counts of {}-gram overlaps. Therefore the BLEU score evaluates"
              + " to 0, independently of how many N-gram overlaps of lower order it contains."
              + " Consider using lower n-gram order or use a smoothing function.",
          order);
    }
  }
}
