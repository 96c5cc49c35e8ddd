package io.github.geollava.prune.mask;

import java.util.Arrays;

/**
 * The keep mask of one weight tensor: one byte per weight in row-major order, 1 keep, 0 pruned.
 *
 * <p>Immutable by contract: the constructor takes ownership of the byte array (masks of a 7B model
 * hold 6.5 billion bytes, so nothing is copied) and no accessor hands it out for writing.
 */
public final class TensorMask {

  private final String modulePath;
  private final long[] shape;
  private final byte[] keep;
  private final long pruned;

  /**
   * A mask.
   *
   * @param modulePath the module's dotted path (Hugging Face naming), e.g.
   *     {@code language_model.model.layers.0.mlp.down_proj}
   * @param shape the weight's shape, e.g. (out, in) for a {@code Linear}
   * @param keep one byte per weight, each 0 or 1; owned by this mask from now on
   * @throws IllegalArgumentException if the path is blank, the length does not match the shape or a
   *     byte is neither 0 nor 1
   */
  public TensorMask(String modulePath, long[] shape, byte[] keep) {
    if (modulePath == null || modulePath.isBlank()) {
      throw new IllegalArgumentException("modulePath must not be blank, got '" + modulePath + "'");
    }
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(modulePath + ": negative dimension in shape " + Arrays.toString(shape));
      }
      n *= d;
    }
    if (n != keep.length) {
      throw new IllegalArgumentException(modulePath + ": shape " + Arrays.toString(shape) + " holds " + n
          + " weights but the mask has " + keep.length + " bytes");
    }
    long zeros = 0;
    for (int i = 0; i < keep.length; i++) {
      byte b = keep[i];
      if (b != 0 && b != 1) {
        throw new IllegalArgumentException(modulePath + ": mask byte " + i + " is " + b + ", expected 0 or 1");
      }
      zeros += 1 - b;
    }
    this.modulePath = modulePath;
    this.shape = shape.clone();
    this.keep = keep;
    this.pruned = zeros;
  }

  /** The module's dotted path. */
  public String modulePath() {
    return modulePath;
  }

  /** The safetensors key of this mask: {@code <module path>.weight_mask}. */
  public String key() {
    return modulePath + PruningMasks.KEY_SUFFIX;
  }

  /** The weight's shape (a copy). */
  public long[] shape() {
    return shape.clone();
  }

  /** The number of weights. */
  public int size() {
    return keep.length;
  }

  /** The number of pruned weights (zeros in the mask). */
  public long pruned() {
    return pruned;
  }

  /**
   * Whether a weight is kept.
   *
   * @param flatIndex the row-major index
   * @return true when the mask holds 1 there
   */
  public boolean kept(int flatIndex) {
    return keep[flatIndex] == 1;
  }

  /** A copy of the mask bytes. */
  public byte[] toByteArray() {
    return keep.clone();
  }

  /** The mask bytes without a copy, for this package's writers; never modified. */
  byte[] bytes() {
    return keep;
  }

  /**
   * Multiplies weights by this mask in place: pruned positions become exactly 0 (+0.0).
   *
   * @param weights the weights, row-major, {@link #size()} values
   */
  public void applyTo(float[] weights) {
    if (weights.length != keep.length) {
      throw new IllegalArgumentException(modulePath + ": " + weights.length + " weights for a mask of " + keep.length);
    }
    for (int i = 0; i < keep.length; i++) {
      if (keep[i] == 0) {
        weights[i] = 0f;
      }
    }
  }

  @Override
  public String toString() {
    return "TensorMask[" + modulePath + " " + Arrays.toString(shape) + ", pruned " + pruned + "/" + keep.length + "]";
  }
}
