package io.github.geollava.metrics.rouge;

import java.util.ArrayList;
import java.util.List;

/** Longest common subsequences over interned token ids, as rouge-score computes them. */
final class Lcs {

  private Lcs() {}

  /**
   * The LCS length, bit-parallel (Crochemore et al. 2001): one bit per candidate position, and per
   * reference token {@code V = (V + (V & M)) | (V & ~M)} with M the positions holding that token; the
   * LCS is the number of zero bits. Same value as rouge-score's table, in O(n m / 64).
   */
  static int length(int[] ref, int[] can) {
    int m = can.length;
    if (m == 0 || ref.length == 0) {
      return 0;
    }
    int words = (m + 63) >>> 6;
    int[] uniq = can.clone();
    java.util.Arrays.sort(uniq);
    int k = 0;
    for (int i = 0; i < uniq.length; i++) {
      if (i == 0 || uniq[i] != uniq[k - 1]) {
        uniq[k++] = uniq[i];
      }
    }
    long[] masks = new long[k * words];
    for (int j = 0; j < m; j++) {
      int idx = java.util.Arrays.binarySearch(uniq, 0, k, can[j]);
      masks[idx * words + (j >>> 6)] |= 1L << (j & 63);
    }
    long[] v = new long[words];
    java.util.Arrays.fill(v, -1L);
    for (int r : ref) {
      int idx = java.util.Arrays.binarySearch(uniq, 0, k, r);
      if (idx < 0) {
        continue; // M = 0 leaves V unchanged
      }
      advance(v, masks, idx * words, words);
    }
    return m - ones(v, m);
  }

  /** {@link #length(int[], int[])} for dense ids below {@code vocab}: no symbol lookup needed. */
  static int length(int[] ref, int[] can, int vocab) {
    int m = can.length;
    if (m == 0 || ref.length == 0) {
      return 0;
    }
    int words = (m + 63) >>> 6;
    long[] masks = new long[vocab * words];
    for (int j = 0; j < m; j++) {
      masks[can[j] * words + (j >>> 6)] |= 1L << (j & 63);
    }
    long[] v = new long[words];
    java.util.Arrays.fill(v, -1L);
    for (int r : ref) {
      advance(v, masks, r * words, words);
    }
    return m - ones(v, m);
  }

  /**
   * One reference symbol of the bit-parallel LCS: {@code V = (V + (V & M)) | (V & ~M)} over a
   * multi-word bit vector, with the carry propagated from word to word.
   */
  private static void advance(long[] v, long[] masks, int base, int words) {
    long carry = 0;
    for (int w = 0; w < words; w++) {
      long mw = masks[base + w];
      long vw = v[w];
      long s = vw + (vw & mw);
      long c1 = Long.compareUnsigned(s, vw) < 0 ? 1 : 0;
      long s2 = s + carry;
      long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
      v[w] = s2 | (vw & ~mw);
      carry = c1 | c2;
    }
  }

  private static int ones(long[] v, int m) {
    int ones = 0;
    for (int w = 0; w < v.length; w++) {
      long bits = v[w];
      int valid = Math.min(64, m - (w << 6));
      if (valid < 64) {
        bits &= (1L << valid) - 1;
      }
      ones += Long.bitCount(bits);
    }
    return ones;
  }

  /** rouge-score's dynamic-programming LCS length (the reference for {@link #length}). */
  static int lengthByTable(int[] ref, int[] can) {
    int cols = can.length;
    int[] prev = new int[cols + 1];
    int[] cur = new int[cols + 1];
    for (int i = 0; i < ref.length; i++) {
      int r = ref[i];
      for (int j = 1; j <= cols; j++) {
        if (r == can[j - 1]) {
          cur[j] = prev[j - 1] + 1;
        } else {
          cur[j] = Math.max(prev[j], cur[j - 1]);
        }
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[cols];
  }

  /**
   * The reference indices of one LCS, chosen by rouge-score's {@code _backtrack_norec}: on a
   * mismatch go left only when the left cell is strictly larger than the upper one.
   */
  static List<Integer> indices(int[] ref, int[] can) {
    int rows = ref.length;
    int cols = can.length;
    int w = cols + 1;
    int[] t = new int[(rows + 1) * w];
    for (int i = 1; i <= rows; i++) {
      for (int j = 1; j <= cols; j++) {
        if (ref[i - 1] == can[j - 1]) {
          t[i * w + j] = t[(i - 1) * w + j - 1] + 1;
        } else {
          t[i * w + j] = Math.max(t[(i - 1) * w + j], t[i * w + j - 1]);
        }
      }
    }
    List<Integer> lcs = new ArrayList<>();
    int i = rows;
    int j = cols;
    while (i > 0 && j > 0) {
      if (ref[i - 1] == can[j - 1]) {
        lcs.add(i - 1);
        i--;
        j--;
      } else if (t[i * w + j - 1] > t[(i - 1) * w + j]) {
        j--;
      } else {
        i--;
      }
    }
    java.util.Collections.reverse(lcs);
    return lcs;
  }
}
