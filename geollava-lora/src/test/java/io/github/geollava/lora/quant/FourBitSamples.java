package io.github.geollava.lora.quant;

import java.util.Random;

/** Seeded weights and the round-trip error measure shared by the 4-bit format tests. */
final class FourBitSamples {
  private FourBitSamples() {}

  /** {@code n} standard-normal floats from {@code new Random(seed)}. */
  static float[] gaussian(long seed, int n) {
    Random r = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  /** {@code ||d - v|| / ||v||}: the relative RMS error of a dequantised copy {@code d} of {@code v}. */
  static double relativeError(float[] d, float[] v) {
    double err = 0;
    double norm = 0;
    for (int i = 0; i < v.length; i++) {
      err += (d[i] - v[i]) * (d[i] - v[i]);
      norm += v[i] * v[i];
    }
    return Math.sqrt(err / norm);
  }
}
