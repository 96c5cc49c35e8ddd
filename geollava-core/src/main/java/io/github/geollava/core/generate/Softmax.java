package io.github.geollava.core.generate;

/** Numerically stable softmax over a logits row, in double, shared by the warpers and samplers. */
final class Softmax {

  private Softmax() {}

  /**
   * Softmax of the row; {@code -inf} entries get probability 0.
   *
   * @param logits the row
   * @return the probabilities, summing to 1
   */
  static double[] probabilities(float[] logits) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : logits) {
      if (v > max) {
        max = v;
      }
    }
    if (max == Float.NEGATIVE_INFINITY || Float.isNaN(max)) {
      throw new IllegalStateException("no finite logit left to sample from (all -inf or NaN)");
    }
    double[] p = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      double e = logits[i] == Float.NEGATIVE_INFINITY ? 0.0 : Math.exp((double) logits[i] - max);
      p[i] = e;
      sum += e;
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }
}
