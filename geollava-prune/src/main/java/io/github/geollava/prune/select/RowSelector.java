package io.github.geollava.prune.select;

import java.util.Arrays;

/**
 * Selection inside the rows of a (rows, cols) row-major score matrix: the {@code k} smallest scores of
 * each row (Wanda's per-output comparison group), or the {@code m - n} smallest of every group of
 * {@code m} consecutive scores in a row (N:M semi-structured sparsity, e.g. 2:4 keeps 2 of every 4).
 *
 * <p>Scores are non-negative floats (|w|, or |w| times an activation norm). Ties go to the lower column
 * first, as a stable sort would order them: each score is packed with its column into a unique
 * {@code long} key ({@code bits << 32 | column}), so sorting the keys orders by score, then column.
 * Rows are short (thousands), so a sort per row is cheap and obviously exact.
 */
public final class RowSelector {

  private RowSelector() {}

  /**
   * Prunes the {@code k} smallest scores of every row.
   *
   * @param scores the scores, (rows, cols) row-major, non-negative
   * @param rows the number of rows
   * @param cols the number of columns
   * @param k how many to prune per row, in [0, cols]
   * @return the keep mask, one byte per score: 1 keep, 0 pruned
   */
  public static byte[] smallestPerRow(float[] scores, int rows, int cols, int k) {
    checkShape(scores, rows, cols);
    if (k < 0 || k > cols) {
      throw new IllegalArgumentException("k must be in [0, " + cols + "], got " + k);
    }
    byte[] mask = new byte[scores.length];
    Arrays.fill(mask, (byte) 1);
    long[] keys = new long[cols];
    for (int r = 0; r < rows; r++) {
      pruneSmallest(scores, r * cols, cols, k, keys, mask);
    }
    return mask;
  }

  /**
   * N:M semi-structured sparsity: in every group of {@code m} consecutive columns of a row, keep the
   * {@code n} largest scores and prune the other {@code m - n}.
   *
   * @param scores the scores, (rows, cols) row-major, non-negative
   * @param rows the number of rows
   * @param cols the number of columns, a multiple of {@code m}
   * @param n how many to keep per group, in [0, m]
   * @param m the group size, at least 1
   * @return the keep mask, one byte per score: 1 keep, 0 pruned
   */
  public static byte[] nOfM(float[] scores, int rows, int cols, int n, int m) {
    checkShape(scores, rows, cols);
    if (m < 1 || n < 0 || n > m) {
      throw new IllegalArgumentException("N:M needs 0 <= N <= M and M >= 1, got " + n + ":" + m);
    }
    if (cols % m != 0) {
      throw new IllegalArgumentException(
          "N:M sparsity " + n + ":" + m + " needs the input width to be a multiple of " + m
              + ", got " + cols + " columns");
    }
    byte[] mask = new byte[scores.length];
    Arrays.fill(mask, (byte) 1);
    long[] keys = new long[m];
    for (int start = 0; start < scores.length; start += m) {
      pruneSmallest(scores, start, m, m - n, keys, mask);
    }
    return mask;
  }

  private static void pruneSmallest(
      float[] scores, int from, int len, int k, long[] keys, byte[] mask) {
    if (k == 0) {
      return;
    }
    for (int j = 0; j < len; j++) {
      float s = scores[from + j];
      if (!(s >= 0f)) {
        throw new IllegalArgumentException(
            "scores must be non-negative and not NaN, got " + s + " at flat index " + (from + j));
      }
      keys[j] = ((long) (Float.floatToRawIntBits(s) & 0x7fffffff) << 32) | j;
    }
    Arrays.sort(keys, 0, len);
    for (int j = 0; j < k; j++) {
      mask[from + (int) (keys[j] & 0xffffffffL)] = 0;
    }
  }

  private static void checkShape(float[] scores, int rows, int cols) {
    if (rows < 0 || cols < 0 || (long) rows * cols != scores.length) {
      throw new IllegalArgumentException(
          "shape (" + rows + ", " + cols + ") does not match " + scores.length + " scores");
    }
  }
}
