package io.github.geollava.prune.select;

/**
 * Exact magnitude selection on one {@code float} array (one tensor, row-major): which {@code k}
 * weights have the smallest |w|, ties at the threshold broken by the lower index (lower index pruned
 * first).
 *
 * <p>How: |w| as a raw bit pattern ({@code floatToRawIntBits(w) & 0x7fffffff}) is a non-negative int
 * whose order is the order of |w|. A first pass counts the top 16 of those 31 bits (65,536 buckets) and
 * finds the bucket holding the k-th smallest; a second pass counts the low 15 bits of the weights in
 * that bucket, which pins the exact threshold bit pattern tau and how many weights lie strictly below
 * it. A third pass writes the mask. Each pass is linear and touches only a 256 KiB histogram, so
 * selection costs O(n) with no sort and no copy of the weights.
 *
 * <p>NaN weights are rejected (they have no magnitude order); infinities are allowed.
 */
public final class MagnitudeSelector {

  /** The |w| bit pattern of +infinity, the largest allowed. */
  static final int INFINITY_BITS = 0x7f800000;
  /** Low bits resolved by the second pass. */
  static final int LOW_BITS = 15;
  /** Buckets of the first pass: the top 16 of the 31 magnitude bits. */
  static final int HIGH_BUCKETS = 1 << 16;
  /** Buckets of the second pass. */
  static final int LOW_BUCKETS = 1 << LOW_BITS;
  private static final int LOW_MASK = LOW_BUCKETS - 1;

  private MagnitudeSelector() {}

  /**
   * The |w| bit pattern of a weight.
   *
   * @param w the weight
   * @return {@code floatToRawIntBits(w) & 0x7fffffff}
   */
  public static int magnitudeBits(float w) {
    return Float.floatToRawIntBits(w) & 0x7fffffff;
  }

  /**
   * The threshold that prunes exactly {@code k} weights of {@code w}.
   *
   * @param w the weights, row-major
   * @param k how many to prune, in [0, w.length]
   * @return the threshold
   * @throws IllegalArgumentException if k is out of range or a weight is NaN
   */
  public static Threshold threshold(float[] w, long k) {
    if (k < 0 || k > w.length) {
      throw new IllegalArgumentException("k must be in [0, " + w.length + "], got " + k);
    }
    if (k == 0) {
      return Threshold.none();
    }
    int[] high = new int[HIGH_BUCKETS];
    highHistogram(w, high, "weights");
    long[] total = new long[HIGH_BUCKETS];
    for (int i = 0; i < HIGH_BUCKETS; i++) {
      total[i] = high[i];
    }
    Bucket bucket = findBucket(total, k);
    int[] low = new int[LOW_BUCKETS];
    lowHistogram(w, bucket.index(), low);
    long[] lowTotal = new long[LOW_BUCKETS];
    for (int i = 0; i < LOW_BUCKETS; i++) {
      lowTotal[i] = low[i];
    }
    return resolve(bucket, lowTotal, k);
  }

  /**
   * The keep mask (1 keep, 0 prune) of the {@code round(sparsity * n)} smallest-magnitude weights.
   *
   * @param w the weights, row-major
   * @param sparsity the fraction to prune, in [0, 1]
   * @return a new mask of {@code w.length} bytes
   */
  public static byte[] mask(float[] w, double sparsity) {
    long k = PruneCount.of(sparsity, w.length);
    byte[] mask = new byte[w.length];
    Threshold t = threshold(w, k);
    long left = applyThreshold(w, t, t.tiesToPrune(), mask);
    if (left != 0) {
      throw new IllegalStateException("tie budget not spent: " + left + " left");
    }
    return mask;
  }

  /**
   * Writes the keep mask of a threshold, spending the tie budget from the lowest index up.
   *
   * @param w the weights
   * @param t the threshold
   * @param tiesLeft how many weights equal to tau this array may still prune
   * @param mask the output, {@code w.length} bytes: 1 keep, 0 prune
   * @return the tie budget left after this array
   */
  public static long applyThreshold(float[] w, Threshold t, long tiesLeft, byte[] mask) {
    if (mask.length != w.length) {
      throw new IllegalArgumentException(
          "mask length " + mask.length + " differs from weight length " + w.length);
    }
    int tau = t.tauBits();
    long ties = tiesLeft;
    for (int i = 0; i < w.length; i++) {
      int b = Float.floatToRawIntBits(w[i]) & 0x7fffffff;
      byte keep = b > tau ? (byte) 1 : (byte) 0;
      if (b == tau) {
        if (ties > 0) {
          ties--;
        } else {
          keep = 1;
        }
      }
      mask[i] = keep;
    }
    return ties;
  }

  /** Adds the top-16-bit histogram of |w| to {@code hist}; rejects NaN naming {@code what}. */
  static void highHistogram(float[] w, int[] hist, String what) {
    for (int i = 0; i < w.length; i++) {
      int b = Float.floatToRawIntBits(w[i]) & 0x7fffffff;
      if (b > INFINITY_BITS) {
        throw new IllegalArgumentException(what + " has NaN at flat index " + i);
      }
      hist[b >>> LOW_BITS]++;
    }
  }

  /** Adds the low-15-bit histogram of the |w| in high bucket {@code bucket} to {@code hist}. */
  static void lowHistogram(float[] w, int bucket, int[] hist) {
    for (int i = 0; i < w.length; i++) {
      int b = Float.floatToRawIntBits(w[i]) & 0x7fffffff;
      if ((b >>> LOW_BITS) == bucket) {
        hist[b & LOW_MASK]++;
      }
    }
  }

  /** The high bucket holding the k-th smallest, and how many lie in lower buckets. */
  record Bucket(int index, long belowBucket) {}

  static Bucket findBucket(long[] high, long k) {
    long cum = 0;
    for (int i = 0; i < high.length; i++) {
      if (cum + high[i] >= k) {
        return new Bucket(i, cum);
      }
      cum += high[i];
    }
    throw new IllegalArgumentException("k=" + k + " exceeds the " + cum + " weights counted");
  }

  static Threshold resolve(Bucket bucket, long[] low, long k) {
    long cum = bucket.belowBucket();
    for (int i = 0; i < low.length; i++) {
      if (cum + low[i] >= k) {
        int tau = (bucket.index() << LOW_BITS) | i;
        return new Threshold(tau, cum, k - cum);
      }
      cum += low[i];
    }
    throw new IllegalStateException("bucket " + bucket.index() + " does not hold the k=" + k + "-th weight");
  }
}
