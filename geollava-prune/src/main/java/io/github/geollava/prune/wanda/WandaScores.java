package io.github.geollava.prune.wanda;

/**
 * Wanda's importance score of each weight of a {@code Linear} layer: {@code |W_ij| * ||X_j||_2}, where
 * W is (out, in) as DJL and PyTorch store it, and {@code ||X_j||_2} is the norm of input channel j
 * over the calibration activations. Weights fed by large activations matter more than their magnitude
 * says; magnitude pruning misses that.
 */
public final class WandaScores {

  private WandaScores() {}

  /**
   * The scores.
   *
   * @param weight the weights, (out, in) row-major
   * @param in the input width (columns)
   * @param inputNorms {@code ||X_j||_2} per input channel, {@code in} values, non-negative
   * @return the scores, same layout as {@code weight}
   */
  public static float[] of(float[] weight, int in, float[] inputNorms) {
    if (in < 1 || weight.length % in != 0) {
      throw new IllegalArgumentException(
          "weight of length " + weight.length + " is not a (out, " + in + ") matrix");
    }
    if (inputNorms.length != in) {
      throw new IllegalArgumentException(
          "inputNorms has " + inputNorms.length + " values, the layer has " + in + " input channels");
    }
    for (int j = 0; j < in; j++) {
      if (!(inputNorms[j] >= 0f) || Float.isInfinite(inputNorms[j])) {
        throw new IllegalArgumentException("inputNorms[" + j + "] must be finite and >= 0, got " + inputNorms[j]);
      }
    }
    float[] s = new float[weight.length];
    for (int i = 0; i < weight.length; i++) {
      s[i] = Math.abs(weight[i]) * inputNorms[i % in];
    }
    return s;
  }
}
