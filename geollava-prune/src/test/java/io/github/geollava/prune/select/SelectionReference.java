package io.github.geollava.prune.select;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/** A slow, obviously correct reference: a full sort by (|w|, index). */
final class SelectionReference {

  private SelectionReference() {}

  static byte[] mask(float[] w, long k) {
    Integer[] idx = new Integer[w.length];
    for (int i = 0; i < w.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> Math.abs(w[i])).thenComparingInt(i -> i));
    byte[] mask = new byte[w.length];
    Arrays.fill(mask, (byte) 1);
    for (int j = 0; j < k; j++) {
      mask[idx[j]] = 0;
    }
    return mask;
  }

  /** Weights with many exact ties and values across the whole float range. */
  static float[] tiedWeights(Random rnd, int n) {
    float[] pool = {0f, -0f, 1e-40f, -1e-40f, 1e-20f, 0.001f, -0.001f, 0.5f, -0.5f, 0.50000006f, 1f,
        -1f, 3e10f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE};
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextInt(3) == 0 ? (float) rnd.nextGaussian() : pool[rnd.nextInt(pool.length)];
    }
    return w;
  }
}
