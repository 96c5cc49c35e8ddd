package io.github.geollava.prune.wanda;

/**
 * Running per-input-channel L2 norms {@code ||X_j||_2} of the calibration activations that enter one
 * {@code Linear} layer: every token of every calibration batch is one row of X. Accumulated in double
 * so the order of batches does not change the result beyond rounding.
 */
public final class ActivationNorms {

  private final double[] sumSquares;
  private long tokens;

  /**
   * An empty accumulator.
   *
   * @param channels the layer's input width, at least 1
   */
  public ActivationNorms(int channels) {
    if (channels < 1) {
      throw new IllegalArgumentException("channels must be >= 1, got " + channels);
    }
    this.sumSquares = new double[channels];
  }

  /**
   * Adds a batch of activations.
   *
   * @param x activations, (tokens, channels) row-major, the trailing dimension the layer's input
   * @return this
   */
  public ActivationNorms add(float[] x) {
    int c = sumSquares.length;
    if (x.length % c != 0) {
      throw new IllegalArgumentException(
          "activations of length " + x.length + " are not a multiple of " + c + " channels");
    }
    for (int i = 0; i < x.length; i++) {
      double v = x[i];
      sumSquares[i % c] += v * v;
    }
    tokens += x.length / c;
    return this;
  }

  /** The number of calibration tokens seen. */
  public long tokens() {
    return tokens;
  }

  /** The input width. */
  public int channels() {
    return sumSquares.length;
  }

  /**
   * The per-channel norms.
   *
   * @return {@code ||X_j||_2} for each input channel j
   * @throws IllegalStateException if no activations were added
   */
  public float[] norms() {
    if (tokens == 0) {
      throw new IllegalStateException("no calibration activations were added");
    }
    float[] n = new float[sumSquares.length];
    for (int j = 0; j < n.length; j++) {
      n[j] = (float) Math.sqrt(sumSquares[j]);
    }
    return n;
  }
}
