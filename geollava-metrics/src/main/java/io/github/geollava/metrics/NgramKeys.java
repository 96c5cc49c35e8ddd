package io.github.geollava.metrics;

import java.util.HashMap;
import java.util.List;

/**
 * Exact integer keys for n-grams of interned token ids, shared by all sequences of one call so that
 * equal n-grams get equal keys. Orders 1 and 2 pack ids into a {@code long}; higher orders intern
 * (n-1)-gram prefixes order by order. No hashing shortcuts: two keys are equal exactly when the
 * n-grams are.
 */
public final class NgramKeys {

  private NgramKeys() {}

  /**
   * The keys of the n-grams of each sequence, in sequence order ({@code length - n + 1} keys, or none
   * when the sequence is shorter than {@code n}).
   *
   * @param sequences token-id sequences (ids non-negative)
   * @param n the order, at least 1
   */
  public static long[][] keys(List<int[]> sequences, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n-gram order must be at least 1, got " + n);
    }
    int k = sequences.size();
    int[][] prefix = new int[k][];
    for (int s = 0; s < k; s++) {
      prefix[s] = sequences.get(s);
    }
    for (int level = 2; level < n; level++) {
      HashMap<Long, Integer> table = new HashMap<>();
      for (int s = 0; s < k; s++) {
        int[] seq = sequences.get(s);
        int count = Math.max(seq.length - level + 1, 0);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
          long key = ((long) prefix[s][i] << 32) | (seq[i + level - 1] & 0xffffffffL);
          out[i] = table.computeIfAbsent(key, x -> table.size());
        }
        prefix[s] = out;
      }
    }
    long[][] result = new long[k][];
    for (int s = 0; s < k; s++) {
      int[] seq = sequences.get(s);
      int count = Math.max(seq.length - n + 1, 0);
      long[] out = new long[count];
      for (int i = 0; i < count; i++) {
        out[i] =
            n == 1
                ? seq[i]
                : ((long) prefix[s][i] << 32) | (seq[i + n - 1] & 0xffffffffL);
      }
      result[s] = out;
    }
    return result;
  }

  /** Interns string tokens to dense ids within one call. */
  public static final class Interner {
    private final HashMap<String, Integer> map = new HashMap<>();

    /** Creates an empty interner. */
    public Interner() {}

    /** The ids of these tokens, assigning new ids to unseen ones. */
    public int[] ids(List<String> tokens) {
      int[] out = new int[tokens.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = map.computeIfAbsent(tokens.get(i), k -> map.size());
      }
      return out;
    }
  }
}
