package io.github.geollava.metrics;

import java.util.Arrays;

/**
 * Per-thread scratch space that relabels global token ids (from {@link TokenIds}) to dense local ids
 * 0..V-1 for one scoring call, and counts n-gram multiset intersections with flat count arrays
 * instead of hashing or sorting. Relabelling changes no metric: all of them only compare ids.
 *
 * <p>Usage: {@link #get()}, {@link #begin()}, {@link #remap(int[])} for every sequence of the call,
 * then {@link #overlap(int[], int[], int)}. Not thread-safe by design: one instance per thread.
 */
public final class DenseCounter {

  /** Above this many cells the flat bigram table is not used. */
  private static final int MAX_TABLE = 1 << 22;

  private static final ThreadLocal<DenseCounter> LOCAL = ThreadLocal.withInitial(DenseCounter::new);

  private int[] local = new int[1024];
  private int[] stamp = new int[1024];
  private int epoch;
  private int size;
  private int[] counts = new int[1024]; // all zero between calls

  private DenseCounter() {}

  /** This thread's instance. */
  public static DenseCounter get() {
    return LOCAL.get();
  }

  /** Starts a new call: local ids restart at 0. */
  public void begin() {
    size = 0;
    if (++epoch == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      epoch = 1;
    }
  }

  /** V, the number of distinct ids seen since {@link #begin()}. */
  public int vocab() {
    return size;
  }

  /** The local ids of global ids (non-negative). */
  public int[] remap(int[] global) {
    int[] out = new int[global.length];
    for (int i = 0; i < global.length; i++) {
      int g = global[i];
      if (g >= stamp.length) {
        int n = Math.max(g + 1, stamp.length * 2);
        stamp = Arrays.copyOf(stamp, n);
        local = Arrays.copyOf(local, n);
      }
      if (stamp[g] != epoch) {
        stamp[g] = epoch;
        local[g] = size++;
      }
      out[i] = local[g];
    }
    return out;
  }

  /**
   * The size of the multiset intersection of the n-grams of {@code a} and {@code b} (local ids,
   * order 1 or 2): the clipped overlap {@code sum min(count_a, count_b)}. Returns -1 when the
   * vocabulary is too large for a flat table; callers then count another way.
   */
  public int overlap(int[] a, int[] b, int n) {
    if (n < 1 || n > 2) {
      throw new IllegalArgumentException("flat counting supports orders 1 and 2, got " + n);
    }
    long cells = n == 1 ? size : (long) size * size;
    if (cells > MAX_TABLE) {
      return -1;
    }
    if (counts.length < cells) {
      counts = new int[(int) Math.max(cells, counts.length * 2L)];
    }
    int v = size;
    int na = a.length - n + 1;
    int nb = b.length - n + 1;
    for (int i = 0; i < na; i++) {
      counts[n == 1 ? a[i] : a[i] * v + a[i + 1]]++;
    }
    int overlap = 0;
    for (int i = 0; i < nb; i++) {
      int k = n == 1 ? b[i] : b[i] * v + b[i + 1];
      if (counts[k] > 0) {
        counts[k]--;
        overlap++;
      }
    }
    for (int i = 0; i < na; i++) {
      counts[n == 1 ? a[i] : a[i] * v + a[i + 1]] = 0; // restore the all-zero invariant
    }
    return overlap;
  }
}
